namespace EksAccessMigrator.Manifests;

/// <summary>
/// Expands <c>--from</c> paths: files as given, directories recursively (YAML and JSON files only), in a stable
/// order. Symlinked directories are not followed (a link back up would loop), and FIFOs, sockets and devices are
/// passed over with a reason; JSON that is AWS CLI output is told apart from Kubernetes objects by its shape.
/// </summary>
public static class InputFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Every readable input file, whatever it holds.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths) => Find(paths, out _);

    /// <summary>The inputs sorted by kind (<see cref="InputClassifier"/>).</summary>
    public static ExpandedInputs Classify(IEnumerable<string> paths)
    {
        var files = Find(paths, out var skipped);
        var kinds = files.Select(f => (File: f, Kind: InputClassifier.Classify(f))).ToList();
        return new ExpandedInputs(
            [.. kinds.Where(k => k.Kind == InputKind.Manifests).Select(k => k.File)],
            [.. kinds.Where(k => k.Kind == InputKind.IamSnapshot).Select(k => k.File)],
            [.. kinds.Where(k => k.Kind == InputKind.AccessEntries).Select(k => k.File)],
            skipped);
    }

    private static List<string> Find(IEnumerable<string> paths, out IReadOnlyList<SkippedInput> skipped)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var passed = new List<SkippedInput>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = new List<string>();
                Walk(path, found, passed);
                if (found.Count == 0)
                {
                    throw new ManifestException($"{path}: the directory has no .yaml, .yml or .json files; --from takes exported manifests.");
                }

                files.AddRange(found.Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                if (!RegularFiles.IsRegular(path))
                {
                    throw new ManifestException($"{path}: is not a regular file (a FIFO, socket or device), so it cannot be read as an export; write the export to a file first.");
                }

                files.Add(path);
            }
            else
            {
                throw new ManifestException($"{path}: no such file or directory.");
            }
        }

        skipped = passed;
        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Walk(string directory, List<string> found, List<SkippedInput> skipped)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden }))
        {
            if (entry is DirectoryInfo sub)
            {
                if (sub.LinkTarget is not null)
                {
                    skipped.Add(new SkippedInput(Path.Combine(directory, sub.Name), "a symbolic link to a directory; not followed (give its target to --from if it holds exports)"));
                    continue;
                }

                Walk(Path.Combine(directory, sub.Name), found, skipped);
                continue;
            }

            if (!Extensions.Contains(Path.GetExtension(entry.Name), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!RegularFiles.IsRegular(entry.FullName))
            {
                skipped.Add(new SkippedInput(Path.Combine(directory, entry.Name), entry.Exists ? "not a regular file (a FIFO, socket or device)" : "a symbolic link to nothing"));
                continue;
            }

            found.Add(Path.Combine(directory, entry.Name));
        }
    }
}
