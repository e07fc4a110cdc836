namespace EksAccessMigrator.Cli.Commands;

/// <summary>Offline (exported files given with --from) or live (no --from): the options of the other mode are refused.</summary>
public static class InputMode
{
    public static bool IsOffline(InputOptions input, ClusterOptions cluster, LiveOptions live)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(live);
        if (input.From.Length > 0)
        {
            var liveOnly = new[] { ("--profile", live.Profile), ("--kubeconfig", live.Kubeconfig), ("--context", live.Context), ("--api-server", live.ApiServer) }
                .Where(o => o.Item2 is not null).Select(o => o.Item1).ToList();
            if (liveOnly.Count > 0 || live.Debug)
            {
                throw new UsageException($"{string.Join(", ", live.Debug ? [.. liveOnly, "--debug"] : liveOnly)} read the live cluster, but --from asks for an offline plan from files; use one or the other.");
            }

            return true;
        }

        var offlineOnly = new[] { ("--iam-snapshot", input.IamSnapshot.Length > 0 ? "x" : null), ("--access-entries", input.AccessEntries), ("--authentication-mode", cluster.AuthenticationMode) }
            .Where(o => o.Item2 is not null).Select(o => o.Item1).ToList();
        if (offlineOnly.Count > 0)
        {
            throw new UsageException($"{string.Join(", ", offlineOnly)} describe an offline export, but no --from was given, so the live cluster is read; add --from with the exported manifests, or drop them.");
        }

        return false;
    }
}
