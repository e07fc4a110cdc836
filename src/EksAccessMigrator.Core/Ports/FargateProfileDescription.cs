using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Ports;

/// <summary>A Fargate profile as DescribeFargateProfile reports it.</summary>
/// <param name="Name">Its name.</param>
/// <param name="PodExecutionRoleArn">The pod execution role.</param>
/// <param name="Status">ACTIVE, CREATING, ...</param>
/// <param name="Selectors">Its selectors (namespace and labels).</param>
public sealed record FargateProfileDescription(string Name, string? PodExecutionRoleArn, string? Status, ImmutableArray<FargateSelectorInfo> Selectors);
