namespace EksAccessMigrator.Apply.Journal;

/// <summary>
/// A journal opened for one apply or rollback: the file is held with an exclusive OS lock (<c>flock</c> on Unix)
/// until disposed, so a second process on the same journal is refused before it reads or writes anything. Reads
/// and appends go through the locked handle. A new journal is created 0600 on Unix, its directory 0700.
/// </summary>
internal sealed class JournalFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly bool _created;
    private JournalWriter? _writer;

    private JournalFile(FileStream stream, string path, bool created)
    {
        _stream = stream;
        Path = path;
        _created = created;
    }

    public string Path { get; }

    /// <summary>
    /// Opens and locks <paramref name="path"/>, creating it (and its directory) when <paramref name="create"/>;
    /// null when the journal does not exist and is not to be created. Throws <see cref="JournalInUseException"/> when
    /// another process holds the lock.
    /// </summary>
    public static JournalFile? Open(string path, bool create)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        var existed = File.Exists(full);
        if (!existed && !create)
        {
            return null;
        }

        if (!existed)
        {
            OwnerOnlyFile.CreateDirectory(System.IO.Path.GetDirectoryName(full));
        }

        try
        {
            var stream = new FileStream(full, OwnerOnlyFile.Options(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, FileOptions.WriteThrough));
            return new JournalFile(stream, full, !existed);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException && File.Exists(full) && IsLockConflict(e))
        {
            throw new JournalInUseException($"The journal {full} is in use by another apply or rollback (its lock is held); wait for it to finish.", e);
        }
    }

    /// <summary>Reads the journal through the locked handle and checks its chain.</summary>
    public JournalState Read()
    {
        _stream.Position = 0;
        var bytes = new byte[_stream.Length];
        _stream.ReadExactly(bytes);
        return JournalState.Read(bytes, Path);
    }

    /// <summary>The writer appending after <paramref name="state"/>'s last whole record (a torn last line is cut off).</summary>
    public JournalWriter Writer(JournalState state, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_writer is null)
        {
            _stream.SetLength(state.ValidLength);
            _stream.Position = state.ValidLength;
            _writer = new JournalWriter(_stream, time, state.LastHash);
        }

        return _writer;
    }

    /// <summary>Releases the lock; a journal this run created and never wrote to is removed again.</summary>
    public void Dispose()
    {
        var empty = _stream.Length == 0;
        _stream.Dispose();
        if (_created && empty)
        {
            File.Delete(Path);
        }
    }

    private static bool IsLockConflict(IOException e) =>
        e.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);
}
