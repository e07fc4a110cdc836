using System.Text.RegularExpressions;
using EksAccessMigrator.Core.Arns;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>
/// The cluster facts a command line gives, checked up front, offline and live alike: the EKS cluster name, a region of
/// any partition (<c>eu-west-1</c>, <c>cn-north-1</c>, <c>us-gov-west-1</c>, <c>us-isob-east-1</c>) and a 12-digit account.
/// </summary>
public static partial class ClusterFacts
{
    public static string Region(string region)
    {
        var trimmed = region.Trim();
        if (!RegionPattern().IsMatch(trimmed))
        {
            throw new UsageException($"--region '{CommandLine.CommandLineCheck.Shorten(region)}' is not an AWS region name such as eu-west-1.");
        }

        return trimmed;
    }

    public static void Account(string? account)
    {
        if (account is not null && !AccountIds.IsValid(account))
        {
            throw new UsageException($"--account '{CommandLine.CommandLineCheck.Shorten(account)}' is not a 12-digit AWS account ID.");
        }
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
