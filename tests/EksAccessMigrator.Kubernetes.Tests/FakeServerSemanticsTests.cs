using EksAccessMigrator.FakeKubernetes;

namespace EksAccessMigrator.Kubernetes.Tests;

public sealed class FakeServerSemanticsTests
{
    private const string ConfigMapPath = "/api/v1/namespaces/kube-system/configmaps";
    private const string ConfigMapJson = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"aws-auth"},"data":{"mapRoles":"[]"}}""";

    [Fact]
    public async Task Create_sets_server_fields_and_a_second_create_is_already_exists()
    {
        await using var server = await FakeKubernetesServer.StartAsync();
        server.State.Add("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"kube-system"}}""");
        using var api = new RawApi(server.Endpoint);

        var (created, body, _) = await api.SendAsync(HttpMethod.Post, ConfigMapPath, ConfigMapJson);
        var (again, status, _) = await api.SendAsync(HttpMethod.Post, ConfigMapPath, ConfigMapJson);

        Assert.Equal(201, created);
        Assert.False(string.IsNullOrEmpty(body["metadata"]!["uid"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(body["metadata"]!["creationTimestamp"]!.GetValue<string>()));
        Assert.Equal("kube-system", body["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal(409, again);
        Assert.Equal("Status", status["kind"]!.GetValue<string>());
        Assert.Equal("v1", status["apiVersion"]!.GetValue<string>());
        Assert.Equal("Failure", status["status"]!.GetValue<string>());
        Assert.Equal("AlreadyExists", status["reason"]!.GetValue<string>());
        Assert.Equal(409, status["code"]!.GetValue<int>());
        Assert.Equal("configmaps \"aws-auth\" already exists", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_in_a_missing_namespace_is_not_found()
    {
        await using var server = await FakeKubernetesServer.StartAsync();
        using var api = new RawApi(server.Endpoint);

        var (code, status, _) = await api.SendAsync(HttpMethod.Post, ConfigMapPath, ConfigMapJson);

        Assert.Equal(404, code);
        Assert.Equal("namespaces \"kube-system\" not found", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_checks_the_resource_version_bumps_it_on_change_and_keeps_it_on_a_no_op()
    {
        await using var server = await FakeKubernetesServer.StartAsync();
        var seeded = server.State.Add("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"team-a"},"spec":{"replicas":1}}""");
        using var api = new RawApi(server.Endpoint);
        const string path = "/apis/apps/v1/namespaces/team-a/deployments/web";
        var rv = seeded["metadata"]!["resourceVersion"]!.GetValue<string>();

        var (stale, conflict, _) = await api.SendAsync(HttpMethod.Put, path, Deployment(replicas: 2, resourceVersion: "1"));
        var (changed, updated, _) = await api.SendAsync(HttpMethod.Put, path, Deployment(replicas: 2, resourceVersion: rv));
        var rv2 = updated["metadata"]!["resourceVersion"]!.GetValue<string>();
        var (same, unchanged, _) = await api.SendAsync(HttpMethod.Put, path, Deployment(replicas: 2, resourceVersion: rv2));
        var (labelled, relabelled, _) = await api.SendAsync(HttpMethod.Put, path, Deployment(replicas: 2, resourceVersion: rv2, label: "x"));

        Assert.Equal(409, stale);
        Assert.Equal("Conflict", conflict["reason"]!.GetValue<string>());
        Assert.Equal("Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; please apply your changes to the latest version and try again", conflict["message"]!.GetValue<string>());
        Assert.Equal(200, changed);
        Assert.NotEqual(rv, rv2);
        Assert.Equal(2, updated["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal(2, updated["status"]!["observedGeneration"]!.GetValue<long>());
        Assert.Equal(200, same);
        Assert.Equal(rv2, unchanged["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(200, labelled);
        Assert.NotEqual(rv2, relabelled["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(2, relabelled["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Lists_page_with_opaque_tokens_and_an_unknown_token_is_410_expired()
    {
        await using var server = await FakeKubernetesServer.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            server.State.Add($$$"""{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"sa-{{{i}}}","namespace":"default"}}""");
        }

        using var api = new RawApi(server.Endpoint);

        var (_, first, _) = await api.SendAsync(HttpMethod.Get, "/api/v1/serviceaccounts?limit=2");
        var token = first["metadata"]!["continue"]!.GetValue<string>();
        var (_, second, _) = await api.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/serviceaccounts?limit=2&continue=" + Uri.EscapeDataString(token));
        var (badCode, expired, _) = await api.SendAsync(HttpMethod.Get, "/api/v1/serviceaccounts?limit=2&continue=bm90LWEtdG9rZW4");

        Assert.Equal("ServiceAccountList", first["kind"]!.GetValue<string>());
        Assert.Equal(2, first["items"]!.AsArray().Count);
        Assert.Null(first["items"]![0]!["kind"]);
        Assert.Equal(1, first["metadata"]!["remainingItemCount"]!.GetValue<int>());
        Assert.Equal(400, (int)(await api.SendAsync(HttpMethod.Get, "/api/v1/pods?continue=" + Uri.EscapeDataString(token))).Status);
        Assert.NotNull(second);
        Assert.Equal(410, badCode);
        Assert.Equal("Expired", expired["reason"]!.GetValue<string>());
        Assert.Equal(410, expired["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Patches_follow_their_content_types()
    {
        await using var server = await FakeKubernetesServer.StartAsync();
        server.State.Add("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"team-a","annotations":{"a":"1","b":"2"}},
             "spec":{"template":{"spec":{"containers":[{"name":"app","image":"v1"},{"name":"sidecar","image":"s1"}]}}}}
            """);
        using var api = new RawApi(server.Endpoint);
        const string path = "/apis/apps/v1/namespaces/team-a/deployments/web";

        var merge = await api.SendAsync(HttpMethod.Patch, path, """{"metadata":{"annotations":{"a":null}}}""", "application/merge-patch+json");
        var strategic = await api.SendAsync(HttpMethod.Patch, path, """{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"v2"}]}}}}""", "application/strategic-merge-patch+json");
        var json = await api.SendAsync(HttpMethod.Patch, path, """[{"op":"test","path":"/metadata/annotations/b","value":"2"},{"op":"replace","path":"/metadata/annotations/b","value":"3"}]""", "application/json-patch+json");
        var failedTest = await api.SendAsync(HttpMethod.Patch, path, """[{"op":"test","path":"/metadata/annotations/b","value":"2"}]""", "application/json-patch+json");
        var unsupported = await api.SendAsync(HttpMethod.Patch, path, "{}", "text/plain");

        Assert.Equal(200, merge.Status);
        Assert.Null(merge.Body["metadata"]!["annotations"]!["a"]);
        var containers = strategic.Body["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["v2", "s1"], containers.Select(c => c!["image"]!.GetValue<string>()));
        Assert.Equal("3", json.Body["metadata"]!["annotations"]!["b"]!.GetValue<string>());
        Assert.Equal(422, failedTest.Status);
        Assert.Equal(415, unsupported.Status);
    }

    [Fact]
    public async Task Injected_429_carries_retry_after_and_a_status_body()
    {
        await using var server = await FakeKubernetesServer.StartAsync();
        server.Faults.FailNext(429, retryAfter: TimeSpan.FromSeconds(2));
        using var api = new RawApi(server.Endpoint);

        var (code, status, response) = await api.SendAsync(HttpMethod.Get, "/api/v1/namespaces");
        using (response)
        {
            Assert.Equal(429, code);
            Assert.Equal("TooManyRequests", status["reason"]!.GetValue<string>());
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter!.Delta);
        }

        Assert.Equal("status 429", Assert.Single(server.Requests.Entries).Fault);
    }

    [Fact]
    public async Task Deleting_a_namespace_removes_its_objects()
    {
        await using var server = await FakeKubernetesServer.StartAsync();
        server.State.Add("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"}}""");
        server.State.Add("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"team-a"}}""");
        server.State.Add("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"team-b"}}""");
        using var api = new RawApi(server.Endpoint);

        var (code, status, _) = await api.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/team-a");

        Assert.Equal(200, code);
        Assert.Equal("Success", status["status"]!.GetValue<string>());
        Assert.Equal(1, server.State.Count);
    }

    [Fact]
    public async Task Snapshots_are_deterministic_and_leave_out_server_fields()
    {
        string[] objects =
        [
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b","namespace":"x"},"data":{"z":"1","a":"2"}}""",
            """{"kind":"ServiceAccount","apiVersion":"v1","metadata":{"namespace":"x","name":"a"}}""",
            """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","namespace":"x"},"spec":{"replicas":1},"status":{"replicas":1}}""",
        ];
        await using var one = await FakeKubernetesServer.StartAsync();
        await using var two = await FakeKubernetesServer.StartAsync();
        foreach (var json in objects)
        {
            one.State.Add(json);
        }

        foreach (var json in objects.Reverse())
        {
            two.State.Add(json);
        }

        Assert.Equal(one.State.SnapshotJson(), two.State.SnapshotJson());
        Assert.NotEqual(one.State.SnapshotJson(includeServerFields: true), two.State.SnapshotJson(includeServerFields: true));
        Assert.DoesNotContain("resourceVersion", one.State.SnapshotJson(), StringComparison.Ordinal);
        Assert.True(
            one.State.SnapshotJson().IndexOf("\"a\": \"2\"", StringComparison.Ordinal) < one.State.SnapshotJson().IndexOf("\"z\": \"1\"", StringComparison.Ordinal));
    }

    private static string Deployment(int replicas, string resourceVersion, string? label = null)
    {
        var labels = label is null ? string.Empty : $$""","labels":{"l":"{{label}}"}""";
        return $$$"""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"team-a","resourceVersion":"{{{resourceVersion}}}"{{{labels}}}},"spec":{"replicas":{{{replicas}}}}}""";
    }
}
