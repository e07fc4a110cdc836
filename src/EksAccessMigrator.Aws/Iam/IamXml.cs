using System.Globalization;
using System.Xml.Linq;

namespace EksAccessMigrator.Aws.Iam;

/// <summary>Namespace-agnostic helpers for IAM XML responses.</summary>
internal static class IamXml
{
    public static XElement? Child(this XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static IEnumerable<XElement> Members(this XElement? list) =>
        list?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    public static string? Text(this XElement? parent, string localName) => parent.Child(localName)?.Value;

    public static string Required(this XElement? parent, string localName) =>
        parent.Text(localName) ?? throw new FormatException($"IAM response lacks <{localName}>.");

    public static DateTimeOffset? Date(this XElement? parent, string localName) =>
        parent.Text(localName) is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    public static XElement Result(byte[] body, string action)
    {
        var doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body));
        return doc.Root.Child(action + "Result") ?? throw new FormatException($"IAM response lacks <{action}Result>.");
    }

    public static IamRole Role(XElement e)
    {
        var policy = e.Text("AssumeRolePolicyDocument");
        var tags = e.Child("Tags").Members().ToDictionary(t => t.Required("Key"), t => t.Text("Value") ?? string.Empty, StringComparer.Ordinal);
        return new IamRole(
            e.Required("Path"),
            e.Required("RoleName"),
            e.Required("RoleId"),
            e.Required("Arn"),
            e.Date("CreateDate"),
            policy is null ? null : Uri.UnescapeDataString(policy),
            e.Text("Description"),
            e.Text("MaxSessionDuration") is { } m ? int.Parse(m, CultureInfo.InvariantCulture) : null,
            tags);
    }

    public static IamUser User(XElement e) =>
        new(e.Required("Path"), e.Required("UserName"), e.Required("UserId"), e.Required("Arn"), e.Date("CreateDate"));
}
