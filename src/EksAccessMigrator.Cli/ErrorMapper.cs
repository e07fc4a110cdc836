using System.Text;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Manifests;

namespace EksAccessMigrator.Cli;

/// <summary>The one place where exceptions become a one-line message and an exit code.</summary>
public static class ErrorMapper
{
    public static int Report(Exception exception, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(stderr);
        var (code, message) = Describe(exception);
        stderr.WriteLine($"error: {OneLine(message)}");
        return code;
    }

    /// <summary>The exit code and the one-line message of <paramref name="exception"/> (also one fleet cluster's error).</summary>
    public static (int Code, string Message) Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (code, message) = exception switch
        {
            UsageException or ManifestException or PlanFormatException => (ExitCodes.Error, exception.Message),
            Live.Errors.LiveScanException or Aws.AwsConfigurationException => (ExitCodes.Error, exception.Message),
            Aws.Errors.AwsServiceException or Aws.Errors.AwsTransportException or Kubernetes.KubernetesApiException or Kubernetes.KubernetesConfigurationException => (ExitCodes.Error, exception.Message),
            Live.ClusterMismatchException e => (ExitCodes.Refused, $"refused, nothing was written: {e.Message}"),
            Apply.Journal.JournalInUseException e => (ExitCodes.Refused, $"refused, nothing was written: {e.Message}"),
            Apply.Journal.JournalIntegrityException e => (ExitCodes.Refused, $"refused, nothing was written: {e.Message}"),
            InvalidDataException e => (ExitCodes.Error, e.Message),
            FileNotFoundException e => (ExitCodes.Error, $"{e.FileName ?? "file"}: no such file."),
            DirectoryNotFoundException e => (ExitCodes.Error, $"a directory does not exist: {e.Message}"),
            UnauthorizedAccessException e => (ExitCodes.Error, $"permission denied: {e.Message}"),
            IOException e => (ExitCodes.Error, $"I/O error: {e.Message}"),
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled; nothing more was written."),
            _ => (ExitCodes.InternalError, $"internal error ({exception.GetType().Name}): {exception.Message} This is a bug in eks-access-migrator; please report it with the command you ran."),
        };
        return (code, OneLine(message));
    }

    /// <summary>An error line never grows with what the user gave: long values are cut, so the line stays readable.</summary>
    private const int MaxLength = 2000;

    private static string OneLine(string message)
    {
        if (message.Length > MaxLength)
        {
            message = string.Concat(message.AsSpan(0, MaxLength - 3), "...");
        }

        var builder = new StringBuilder(message.Length);
        foreach (var c in message)
        {
            builder.Append(c is '\r' or '\n' ? ' ' : char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
