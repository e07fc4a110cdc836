using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>Turns HTTP requests into <see cref="ApiOperations"/> calls, applying authentication and injected faults.</summary>
internal sealed class FakeApiRequestHandler(
    FakeKubernetesOptions options,
    ClusterState state,
    FaultInjector faults,
    RequestLog log)
{
    private readonly ApiOperations _operations = new(state);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var sequence = log.Begin();
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var info = new FakeRequestInfo(request.Method, request.Path.Value ?? "/", query);
        string? body = null;
        var statusCode = 0;
        string? faultApplied = null;
        var hadBearer = request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal);
        try
        {
            using (var reader = new StreamReader(request.Body, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(context.RequestAborted);
            }

            if (!Authorized(request))
            {
                statusCode = await WriteAsync(context, StatusFactory.Unauthorized());
                return;
            }

            var fault = faults.Take(info);
            faultApplied = fault?.Describe();
            switch (fault?.Kind)
            {
                case FaultKind.Drop:
                    context.Abort();
                    return;
                case FaultKind.Status:
                    if (fault.RetryAfter is { } retryAfter)
                    {
                        context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    }

                    statusCode = await WriteAsync(context, StatusFactory.Injected(fault.StatusCode));
                    return;
                case FaultKind.ExpireContinue:
                    statusCode = await WriteAsync(context, StatusFactory.Expired());
                    return;
                case FaultKind.Delay:
                    await Task.Delay(fault.Delay, context.RequestAborted);
                    break;
            }

            statusCode = await WriteAsync(context, Dispatch(info, request.ContentType, body, MetadataOnly(request)));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            statusCode = 0;
        }
        finally
        {
            log.End(new RecordedRequest(sequence, info.Method, info.Path, query, request.ContentType, body, hadBearer, statusCode, faultApplied) { MetadataOnly = MetadataOnly(request) });
        }
    }

    private static async Task<int> WriteAsync(HttpContext context, ApiResult result)
    {
        context.Response.StatusCode = result.StatusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(result.Body.ToJsonString(), context.RequestAborted);
        return result.StatusCode;
    }

    private static JsonNode? ParseBody(string? body, out ApiResult? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            error = StatusFactory.BadRequest("the request body is not valid JSON: " + e.Message);
            return null;
        }
    }

    /// <summary>
    /// Whether the client asked for the metadata alone (<c>Accept: application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1</c>
    /// as its first choice), which the real API server answers with a <c>PartialObjectMetadata</c> object.
    /// </summary>
    private static bool MetadataOnly(HttpRequest request)
    {
        var parts = request.Headers.Accept.ToString().Split(',')[0].Split(';', StringSplitOptions.TrimEntries);
        return parts.Contains("as=PartialObjectMetadata") && parts.Contains("g=meta.k8s.io") && parts.Contains("v=v1");
    }

    private static string? MediaType(string? contentType) =>
        contentType?.Split(';', 2)[0].Trim().ToLowerInvariant();

    private bool Authorized(HttpRequest request)
    {
        if (options.ExpectedBearerToken is null && options.BearerTokenValidator is null)
        {
            return true;
        }

        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var token = header["Bearer ".Length..].Trim();
        return options.BearerTokenValidator is { } validator
            ? validator(token)
            : string.Equals(token, options.ExpectedBearerToken, StringComparison.Ordinal);
    }

    private ApiResult Dispatch(FakeRequestInfo info, string? contentType, string? body, bool metadataOnly)
    {
        if (ApiPath.Parse(info.Path) is not { } path || (path.Kind == ResourceKinds.Ec2NodeClass && !options.KarpenterInstalled))
        {
            return StatusFactory.UnknownPath();
        }

        var json = ParseBody(body, out var parseError);
        if (parseError is not null)
        {
            return parseError;
        }

        if (path.Name is null)
        {
            return info.Method switch
            {
                "GET" => _operations.List(path, Limit(info), info.Query.GetValueOrDefault("continue")),
                "POST" when path.Namespace is not null || !path.Kind.Namespaced =>
                    json is JsonObject created ? _operations.Create(path, created) : StatusFactory.BadRequest("the request body must be an object"),
                _ => StatusFactory.MethodNotAllowed(),
            };
        }

        if (info.IsWrite)
        {
            ApplyConcurrentEdit(path);
        }

        return info.Method switch
        {
            "GET" => metadataOnly ? _operations.GetMetadata(path) : _operations.Get(path),
            "PUT" => json is JsonObject replaced ? _operations.Replace(path, replaced) : StatusFactory.BadRequest("the request body must be an object"),
            "PATCH" => _operations.Patch(path, MediaType(contentType), json),
            "DELETE" => _operations.Delete(path, json as JsonObject),
            _ => StatusFactory.MethodNotAllowed(),
        };
    }

    private void ApplyConcurrentEdit(ApiPath path)
    {
        if (faults.TakeEdit(path.Kind, path.Namespace, path.Name!) is { } edit)
        {
            state.Mutate(path.Kind, path.Namespace, path.Name!, edit.Edit);
        }
    }

    private static int? Limit(FakeRequestInfo info) =>
        info.Query.TryGetValue("limit", out var raw) && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            ? limit
            : null;
}
