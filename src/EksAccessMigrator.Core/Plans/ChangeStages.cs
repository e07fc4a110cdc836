namespace EksAccessMigrator.Core.Plans;

/// <summary>The order in which kinds of change run. Gaps leave room for the workload-identity kinds.</summary>
public static class ChangeStages
{
    public const int EnableAccessEntries = 0;
    public const int AccessEntries = 10;
    public const int AccessPolicies = 20;
    public const int SwitchToApi = 1000;
}
