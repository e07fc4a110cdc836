namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>
/// Reads Go-style flags from a container's command and args: <c>--name=value</c>, <c>--name value</c> (for flags
/// that take a value), <c>--name</c> and <c>--no-name</c> (kingpin) for booleans; one or two dashes. The last one wins.
/// </summary>
internal static class AgentArgs
{
    public static Dictionary<string, string> Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueFlags, IReadOnlySet<string> boolFlags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i].Trim();
            if (!arg.StartsWith('-'))
            {
                continue;
            }

            var body = arg.TrimStart('-');
            var eq = body.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? body : body[..eq];
            var inline = eq < 0 ? null : body[(eq + 1)..];
            if (valueFlags.Contains(name))
            {
                if (inline is not null)
                {
                    result[name] = inline;
                }
                else if (i + 1 < args.Count && !args[i + 1].StartsWith('-'))
                {
                    result[name] = args[++i].Trim();
                }
            }
            else if (boolFlags.Contains(name))
            {
                result[name] = inline is null ? "true" : inline.Trim().ToLowerInvariant();
            }
            else if (name.StartsWith("no-", StringComparison.Ordinal) && boolFlags.Contains(name[3..]) && inline is null)
            {
                result[name[3..]] = "false";
            }
        }

        return result;
    }

    public static bool IsTrue(string? value) => value is "true" or "1" or "t" or "yes";
}
