namespace EksAccessMigrator.Core.Arns;

/// <summary>The kinds of IAM principal an access entry or aws-auth mapping can name.</summary>
public enum IamPrincipalKind
{
    Role,
    User,
}
