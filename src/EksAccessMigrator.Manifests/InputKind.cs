namespace EksAccessMigrator.Manifests;

/// <summary>What an input file holds, told by its shape (issue 12: one folder with everything a user exported).</summary>
public enum InputKind
{
    /// <summary>Kubernetes objects (YAML or JSON).</summary>
    Manifests,

    /// <summary>AWS CLI IAM output: <c>list-roles</c>, <c>list-users</c>, <c>get-role</c>, <c>get-account-authorization-details</c>.</summary>
    IamSnapshot,

    /// <summary>The access-entries export of docs/plan-format.md (<c>{"accessEntries": [...]}</c>).</summary>
    AccessEntries,
}
