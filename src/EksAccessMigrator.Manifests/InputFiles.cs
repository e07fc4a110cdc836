namespace EksAccessMigrator.Manifests;

/// <summary>Expands <c>--from</c> paths: files as given, directories recursively (YAML and JSON files only), in a stable order.</summary>
public static class InputFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden })
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    throw new ManifestException($"{path}: the directory has no .yaml, .yml or .json files; --from takes exported manifests.");
                }

                files.AddRange(found);
            }
            else
            {
                throw new ManifestException($"{path}: no such file or directory.");
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToList();
    }
}
