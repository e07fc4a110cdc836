namespace EksAccessMigrator.Apply.Tests.Support;

/// <summary>Thrown by the crash hook: the run stops as a killed process would.</summary>
internal sealed class SimulatedKill : Exception
{
    public SimulatedKill()
        : base("killed")
    {
    }

    public SimulatedKill(string message)
        : base(message)
    {
    }

    public SimulatedKill(string message, Exception inner)
        : base(message, inner)
    {
    }
}
