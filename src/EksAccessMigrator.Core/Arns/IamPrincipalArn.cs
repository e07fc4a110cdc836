using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace EksAccessMigrator.Core.Arns;

/// <summary>
/// An IAM role or user ARN: <c>arn:{partition}:iam::{account}:{role|user}{path}{name}</c>.
/// The path is <c>/</c> when the ARN carries none.
/// </summary>
public sealed partial record IamPrincipalArn(string Partition, string AccountId, IamPrincipalKind Kind, string Path, string Name)
{
    private const int MaxLength = 2048;

    /// <summary>True for roles under <c>/aws-service-role/</c> (rule A7).</summary>
    public bool IsServiceLinked => Kind == IamPrincipalKind.Role && Path.StartsWith("/aws-service-role/", StringComparison.Ordinal);

    /// <summary>The same principal with its path removed, as aws-auth writes role ARNs.</summary>
    public IamPrincipalArn WithoutPath() => this with { Path = "/" };

    public override string ToString() =>
        $"arn:{Partition}:iam::{AccountId}:{(Kind == IamPrincipalKind.Role ? "role" : "user")}{Path}{Name}";

    /// <summary>Parses an IAM role or user ARN; <paramref name="error"/> says why it does not parse.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IamPrincipalArn? arn, [NotNullWhen(false)] out string? error)
    {
        arn = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the ARN is empty";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"the ARN is longer than {MaxLength} characters";
            return false;
        }

        var parts = text.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn")
        {
            error = "it is not of the form arn:PARTITION:iam::ACCOUNT:role/NAME or arn:PARTITION:iam::ACCOUNT:user/NAME";
            return false;
        }

        if (!PartitionPattern().IsMatch(parts[1]))
        {
            error = $"'{parts[1]}' is not an AWS partition (aws, aws-cn, aws-us-gov)";
            return false;
        }

        if (parts[2] != "iam")
        {
            error = parts[2] == "sts"
                ? "it is an STS session ARN; aws-auth and access entries need the IAM role ARN (arn:PARTITION:iam::ACCOUNT:role/NAME)"
                : $"its service is '{parts[2]}', not 'iam'";
            return false;
        }

        if (parts[3].Length != 0)
        {
            error = "IAM ARNs carry no region";
            return false;
        }

        if (!AccountIds.IsValid(parts[4]))
        {
            error = $"'{parts[4]}' is not a 12-digit AWS account ID";
            return false;
        }

        var resource = parts[5];
        IamPrincipalKind kind;
        string rest;
        if (resource.StartsWith("role/", StringComparison.Ordinal))
        {
            kind = IamPrincipalKind.Role;
            rest = resource["role".Length..];
        }
        else if (resource.StartsWith("user/", StringComparison.Ordinal))
        {
            kind = IamPrincipalKind.User;
            rest = resource["user".Length..];
        }
        else
        {
            error = $"its resource '{resource}' is neither role/NAME nor user/NAME";
            return false;
        }

        var lastSlash = rest.LastIndexOf('/');
        var path = rest[..(lastSlash + 1)];
        var name = rest[(lastSlash + 1)..];
        if (!NamePattern().IsMatch(name))
        {
            error = $"'{name}' is not a valid IAM {(kind == IamPrincipalKind.Role ? "role" : "user")} name";
            return false;
        }

        if (!PathPattern().IsMatch(path))
        {
            error = $"'{path}' is not a valid IAM path";
            return false;
        }

        arn = new IamPrincipalArn(parts[1], parts[4], kind, path, name);
        error = null;
        return true;
    }

    [GeneratedRegex("^aws(-[a-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PartitionPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^/([\x21-\x7E]*/)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
