using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Manifests;

/// <summary>
/// The first pass of an offline scan: the manifests under <c>--from</c> streamed past the collectors, and the IAM and
/// access-entry files found beside them (not read yet). The <c>scan</c> command shows this; a plan reads on.
/// </summary>
/// <param name="IamSnapshots">The <c>--iam-snapshot</c> files, and the AWS CLI IAM output found under <c>--from</c>.</param>
/// <param name="AccessEntries">The access-entries export: <c>--access-entries</c>, or the one found under <c>--from</c>.</param>
public sealed record OfflineManifests(AwsAuthConfigMap? AwsAuth, WorkloadCollector Workloads, int Files, int Objects, IReadOnlyList<string> IamSnapshots, string? AccessEntries, IReadOnlyList<SkippedInput> Skipped);
