using System.Text.Json;
using EksAccessMigrator.FakeEks.Protocol;
using EksAccessMigrator.TestSupport;

namespace EksAccessMigrator.FakeEks.Tests;

/// <summary>The fake's routes and paging against the EKS service and paginator models of the installed botocore.</summary>
public sealed class ServiceModelTests
{
    [Fact]
    public void Every_route_has_the_method_and_request_uri_of_the_service_model()
    {
        using var model = BotocoreModels.Service("eks");
        var operations = model.RootElement.GetProperty("operations");

        foreach (var route in RouteTable.All)
        {
            Assert.True(operations.TryGetProperty(route.Operation, out var operation), $"{route.Operation} is not an EKS operation");
            var http = operation.GetProperty("http");
            Assert.Equal((route.Operation, http.GetProperty("method").GetString()), (route.Operation, route.Method));
            Assert.Equal((route.Operation, http.GetProperty("requestUri").GetString()), (route.Operation, route.Template));
        }
    }

    [Fact]
    public void Every_paginated_list_route_pages_with_nextToken_and_maxResults_as_the_paginator_model_says()
    {
        using var paginators = BotocoreModels.Paginators("eks");
        var pagination = paginators.RootElement.GetProperty("pagination");
        var paginated = RouteTable.All.Where(r => pagination.TryGetProperty(r.Operation, out _)).ToList();

        Assert.True(paginated.Count >= 6, $"expected the fake's List operations to be paginated in the model, found {paginated.Count}");
        foreach (var route in paginated)
        {
            var paginator = pagination.GetProperty(route.Operation);
            Assert.Equal((route.Operation, "nextToken"), (route.Operation, paginator.GetProperty("input_token").GetString()));
            Assert.Equal((route.Operation, "nextToken"), (route.Operation, paginator.GetProperty("output_token").GetString()));
            Assert.Equal((route.Operation, "maxResults"), (route.Operation, paginator.GetProperty("limit_key").GetString()));
        }
    }

    [Fact]
    public void Paging_query_parameters_are_the_ones_the_service_model_binds()
    {
        using var model = BotocoreModels.Service("eks");
        var root = model.RootElement;
        var input = root.GetProperty("operations").GetProperty("ListAccessEntries").GetProperty("input").GetProperty("shape").GetString()!;
        var members = root.GetProperty("shapes").GetProperty(input).GetProperty("members");

        Assert.Equal("maxResults", QueryName(members, "maxResults"));
        Assert.Equal("nextToken", QueryName(members, "nextToken"));
    }

    private static string? QueryName(JsonElement members, string member) =>
        members.GetProperty(member).TryGetProperty("locationName", out var name) ? name.GetString() : null;
}
