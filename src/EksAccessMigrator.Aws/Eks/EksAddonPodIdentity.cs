namespace EksAccessMigrator.Aws.Eks;

/// <summary>A Pod Identity association requested together with an add-on.</summary>
public sealed record EksAddonPodIdentity(string ServiceAccount, string RoleArn);
