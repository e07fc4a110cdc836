using System.Xml;
using System.Xml.Linq;
using EksAccessMigrator.Aws.Http;

namespace EksAccessMigrator.Aws.Errors;

/// <summary>Reads Query-protocol XML errors (&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;...).</summary>
public static class QueryXmlErrorParser
{
    public static AwsErrorDetails Parse(string operation, AwsWireResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? code = null;
        string? message = null;
        var requestId = response.RequestId;
        try
        {
            if (response.Body.Length > 0)
            {
                var root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(response.Body)).Root;
                var error = root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                code = Text(error, "Code");
                message = Text(error, "Message");
                requestId ??= root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;
            }
        }
        catch (XmlException)
        {
            code = null;
        }

        var normalised = code is null ? $"Http{response.StatusCode}" : AwsErrorMapper.NormaliseCode(code);
        return new AwsErrorDetails(operation, response.StatusCode, normalised, message ?? string.Empty, requestId);
    }

    private static string? Text(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
