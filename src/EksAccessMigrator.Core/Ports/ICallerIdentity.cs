namespace EksAccessMigrator.Core.Ports;

/// <summary>
/// The port through which scan, apply and rollback learn whose credentials they run with (the account a plan or a
/// journal is checked against, the caller kept as cluster admin). Implemented by the STS adapter.
/// </summary>
public interface ICallerIdentity
{
    Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken);
}
