using System.Collections.Immutable;
using System.Text;

namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>One generated aws-auth row, valid, hostile or malformed; rendered as the YAML the ConfigMap holds.</summary>
internal sealed record AwsAuthRow(
    bool InMapUsers,
    AwsAuthRowShape Shape,
    string Kind,
    string Account,
    string Name,
    string SsoAccount,
    string Username,
    ImmutableArray<string> Groups)
{
    public string Arn => Shape switch
    {
        AwsAuthRowShape.AssumedRoleArn => $"arn:aws:sts::{Account}:assumed-role/{Name.Split('/')[^1]}/session",
        AwsAuthRowShape.RootArn => $"arn:aws:iam::{Account}:root",
        _ => $"arn:aws:iam::{Account}:{Kind}/{Name}",
    };

    public void AppendTo(StringBuilder yaml)
    {
        switch (Shape)
        {
            case AwsAuthRowShape.NoPrincipal:
                yaml.Append("- username: nobody\n");
                return;
            case AwsAuthRowShape.Sso:
                yaml.Append($"- sso:\n    permissionSetName: Admin\n    accountID: \"{SsoAccount}\"\n");
                break;
            default:
                yaml.Append($"- {(InMapUsers ? "userarn" : "rolearn")}: \"{Arn}\"\n");
                break;
        }

        if (Username.Length > 0)
        {
            yaml.Append($"  username: \"{Username}\"\n");
        }

        if (Groups.Length > 0)
        {
            yaml.Append($"  groups: [{string.Join(", ", Groups.Select(g => $"\"{g}\""))}]\n");
        }
    }

    /// <summary>Simpler rows with the same principal: fewer groups, no username, no ARN variety.</summary>
    public IEnumerable<AwsAuthRow> Shrink()
    {
        for (var i = 0; i < Groups.Length; i++)
        {
            yield return this with { Groups = Groups.RemoveAt(i) };
        }

        if (Username.Length > 0)
        {
            yield return this with { Username = string.Empty };
        }

        if (Shape is AwsAuthRowShape.AssumedRoleArn or AwsAuthRowShape.RootArn)
        {
            yield return this with { Shape = AwsAuthRowShape.IamArn };
        }
    }
}
