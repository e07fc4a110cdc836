using Cocona;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>kube2iam, kiam and IRSA: facts that override what the agents' own arguments say (rule K1).</summary>
public sealed class WorkloadOptions : ICommandParameterSet
{
    [Option("kube2iam-base-role-arn", Description = "kube2iam's --base-role-arn, e.g. arn:aws:iam::111122223333:role/ (overrides the DaemonSet's).", ValueName = "ARN")]
    [HasDefaultValue]
    public string? Kube2iamBaseRoleArn { get; set; }

    [Option("kube2iam-default-role", Description = "kube2iam's --default-role (overrides the DaemonSet's).", ValueName = "ROLE")]
    [HasDefaultValue]
    public string? Kube2iamDefaultRole { get; set; }

    [Option("iam-role-key", Description = "The pod annotation that names the role (default iam.amazonaws.com/role).", ValueName = "KEY")]
    [HasDefaultValue]
    public string? IamRoleKey { get; set; }

    [Option("namespace-restrictions", Description = "kube2iam ran with --namespace-restrictions (when its DaemonSet is not in --from).")]
    [HasDefaultValue]
    public bool NamespaceRestrictions { get; set; }

    [Option("namespace-restriction-format", Description = "kube2iam's --namespace-restriction-format: glob (default) or regexp.", ValueName = "FORMAT")]
    [HasDefaultValue]
    public string? NamespaceRestrictionFormat { get; set; }

    [Option("kiam-role-base-arn", Description = "kiam's --role-base-arn (overrides the server's).", ValueName = "ARN")]
    [HasDefaultValue]
    public string? KiamRoleBaseArn { get; set; }

    [Option("include-irsa", Description = "Also move IRSA ServiceAccounts (eks.amazonaws.com/role-arn) to Pod Identity.")]
    [HasDefaultValue]
    public bool IncludeIrsa { get; set; }

    [Option("oidc-issuer", Description = "The cluster's OIDC issuer URL, so the finalize phase removes only this cluster's IRSA trust statements.", ValueName = "URL")]
    [HasDefaultValue]
    public string? OidcIssuer { get; set; }

    public Core.Planning.WorkloadIdentityOptions ToPlannerOptions()
    {
        var format = NamespaceRestrictionFormat?.Trim().ToLowerInvariant();
        if (format is not null and not "glob" and not "regexp")
        {
            throw new UsageException($"--namespace-restriction-format '{NamespaceRestrictionFormat}' is not known; use glob or regexp.");
        }

        if (OidcIssuer is not null && !OidcIssuer.StartsWith("https://", StringComparison.Ordinal))
        {
            throw new UsageException($"--oidc-issuer '{OidcIssuer}' is not an https URL such as https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE.");
        }

        return new Core.Planning.WorkloadIdentityOptions
        {
            Kube2iamBaseRoleArn = Blank(Kube2iamBaseRoleArn),
            Kube2iamDefaultRole = Blank(Kube2iamDefaultRole),
            NamespaceRestrictions = NamespaceRestrictions ? true : null,
            NamespaceRestrictionFormat = format,
            KiamRoleBaseArn = Blank(KiamRoleBaseArn),
            IncludeIrsa = IncludeIrsa,
        };
    }

    /// <summary><c>--iam-role-key</c>, for the scan (which records it in the inventory); null when not given.</summary>
    public string? GivenIamRoleKey => Blank(IamRoleKey);

    /// <summary><c>--oidc-issuer</c>, for the scan (which records it in the inventory); checked by <see cref="ToPlannerOptions"/>.</summary>
    public string? GivenOidcIssuer => Blank(OidcIssuer);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
