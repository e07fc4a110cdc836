namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>One generated IRSA ServiceAccount: its namespace (<c>ns0</c>/<c>ns1</c>), its role (an index into <see cref="IrsaCase.Roles"/>), and whether its workload selects Windows nodes (it stays on IRSA).</summary>
internal sealed record IrsaServiceAccount(int Namespace, int Role, bool Windows);
