namespace EksAccessMigrator.Core.Ports;

/// <summary>The pod-template annotation <c>kubectl rollout restart</c> sets (and RestartWorkload with it).</summary>
public static class RestartAnnotation
{
    public const string Name = "kubectl.kubernetes.io/restartedAt";
}
