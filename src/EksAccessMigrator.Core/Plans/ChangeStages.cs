namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// The order in which kinds of change run. Workload identity: the agent add-on, trust statements and
/// ServiceAccounts come before associations and workload patches (so patched pods start with credentials);
/// restarts, then annotation removals, come last (cutover).
/// </summary>
public static class ChangeStages
{
    public const int EnableAccessEntries = 0;
    public const int AccessEntries = 10;
    public const int AccessPolicies = 20;
    public const int Addons = 30;
    public const int TrustPolicies = 40;
    public const int ServiceAccounts = 50;
    public const int PodIdentityAssociations = 60;
    public const int WorkloadPatches = 70;
    public const int Restarts = 900;
    public const int AnnotationRemovals = 910;
    public const int RestartsAfterAnnotationRemovals = 920;
    public const int AwsAuthCleanup = 950;
    public const int NodeRolePolicies = 960;
    public const int SwitchToApi = 1000;
}
