namespace EksAccessMigrator.Aws.Tokens;

/// <summary>A Kubernetes bearer token for an EKS cluster. ToString never shows the token.</summary>
public sealed record EksBearerToken(string Token, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"EksBearerToken(k8s-aws-v1.***, ExpiresAt={ExpiresAt:O})";
}
