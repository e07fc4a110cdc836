using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>Builds <c>Status</c> answers shaped as the real API server's.</summary>
public static class StatusFactory
{
    /// <summary>A Failure Status.</summary>
    public static ApiResult Failure(int code, string reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = code,
        };
        if (details is not null)
        {
            status["details"] = details;
        }

        return new ApiResult(code, status);
    }

    /// <summary>A Success Status, as answered to deletes.</summary>
    public static ApiResult Success(ResourceKind kind, string name, string? uid)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = Details(kind, name, uid),
        };
        return new ApiResult(200, status);
    }

    /// <summary>404 NotFound for an object.</summary>
    public static ApiResult NotFound(ResourceKind kind, string name) =>
        Failure(404, "NotFound", $"{kind.QualifiedPlural} \"{name}\" not found", Details(kind, name, null));

    /// <summary>404 NotFound for an unknown path.</summary>
    public static ApiResult UnknownPath() =>
        Failure(404, "NotFound", "the server could not find the requested resource");

    /// <summary>409 AlreadyExists.</summary>
    public static ApiResult AlreadyExists(ResourceKind kind, string name) =>
        Failure(409, "AlreadyExists", $"{kind.QualifiedPlural} \"{name}\" already exists", Details(kind, name, null));

    /// <summary>409 Conflict for a stale resourceVersion.</summary>
    public static ApiResult Conflict(ResourceKind kind, string name) =>
        Failure(
            409,
            "Conflict",
            $"Operation cannot be fulfilled on {kind.QualifiedPlural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            Details(kind, name, null));

    /// <summary>410 Expired for an unknown or compacted continue token.</summary>
    public static ApiResult Expired() =>
        Failure(
            410,
            "Expired",
            "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.");

    /// <summary>400 BadRequest.</summary>
    public static ApiResult BadRequest(string message) => Failure(400, "BadRequest", message);

    /// <summary>401 Unauthorized.</summary>
    public static ApiResult Unauthorized() => Failure(401, "Unauthorized", "Unauthorized");

    /// <summary>405 MethodNotAllowed.</summary>
    public static ApiResult MethodNotAllowed() =>
        Failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");

    /// <summary>415 UnsupportedMediaType.</summary>
    public static ApiResult UnsupportedMediaType(string? contentType) =>
        Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json (got '{contentType}')");

    /// <summary>422 Invalid.</summary>
    public static ApiResult Invalid(ResourceKind kind, string name, string message) =>
        Failure(422, "Invalid", $"{(kind.Group.Length == 0 ? kind.Kind : kind.Kind + "." + kind.Group)} \"{name}\" is invalid: {message}", Details(kind, name, null));

    /// <summary>An injected error Status for <paramref name="code"/> (429, 500, 503, ...).</summary>
    public static ApiResult Injected(int code) => code switch
    {
        429 => Failure(429, "TooManyRequests", "Too many requests, please try again later."),
        500 => Failure(500, "InternalError", "Internal error occurred: injected fault"),
        503 => Failure(503, "ServiceUnavailable", "The server is currently unable to handle the request"),
        504 => Failure(504, "Timeout", "The server was unable to return a response in the time allotted"),
        _ => Failure(code, "Unknown", $"injected fault with HTTP {code}"),
    };

    private static JsonObject Details(ResourceKind kind, string name, string? uid)
    {
        var details = new JsonObject { ["name"] = name, ["kind"] = kind.Plural };
        if (kind.Group.Length > 0)
        {
            details["group"] = kind.Group;
        }

        if (uid is not null)
        {
            details["uid"] = uid;
        }

        return details;
    }
}
