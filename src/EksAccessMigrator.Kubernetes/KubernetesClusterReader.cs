using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes;

/// <summary>
/// Reads a cluster: every list is across all namespaces and always paged (see <see cref="PagedLister"/> for the
/// 410 Expired rule: one restart with uid de-duplication, then failure).
/// </summary>
public sealed class KubernetesClusterReader
{
    private readonly KubernetesConnection _connection;
    private readonly PagedLister _pager;

    internal KubernetesClusterReader(KubernetesConnection connection)
    {
        _connection = connection;
        _pager = new PagedLister(connection.Retry, connection.Options.PageSize);
    }

    private k8s.Kubernetes Client => _connection.Client;

    /// <summary>Lists namespaces.</summary>
    public IAsyncEnumerable<V1Namespace> ListNamespacesAsync(CancellationToken ct) =>
        _pager.ListAsync<V1NamespaceList, V1Namespace>("list namespaces", (c, l, t) => Client.CoreV1.ListNamespaceAsync(continueParameter: c, limit: l, cancellationToken: t), ct);

    /// <summary>Lists service accounts in all namespaces.</summary>
    public IAsyncEnumerable<V1ServiceAccount> ListServiceAccountsAsync(CancellationToken ct) =>
        _pager.ListAsync<V1ServiceAccountList, V1ServiceAccount>("list serviceaccounts", (c, l, t) => Client.CoreV1.ListServiceAccountForAllNamespacesAsync(continueParameter: c, limit: l, cancellationToken: t), ct);

    /// <summary>Lists pods in all namespaces.</summary>
    public IAsyncEnumerable<V1Pod> ListPodsAsync(CancellationToken ct) =>
        _pager.ListAsync<V1PodList, V1Pod>("list pods", (c, l, t) => Client.CoreV1.ListPodForAllNamespacesAsync(continueParameter: c, limit: l, cancellationToken: t), ct);

    /// <summary>Lists deployments in all namespaces.</summary>
    public IAsyncEnumerable<V1Deployment> ListDeploymentsAsync(CancellationToken ct) =>
        _pager.ListAsync<V1DeploymentList, V1Deployment>("list deployments", (c, l, t) => Client.AppsV1.ListDeploymentForAllNamespacesAsync(continueParameter: c, limit: l, cancellationToken: t), ct);

    /// <summary>Lists stateful sets in all namespaces.</summary>
    public IAsyncEnumerable<V1StatefulSet> ListStatefulSetsAsync(CancellationToken ct) =>
        _pager.ListAsync<V1StatefulSetList, V1StatefulSet>("list statefulsets", (c, l, t) => Client.AppsV1.ListStatefulSetForAllNamespacesAsync(continueParameter: c, limit: l, cancellationToken: t), ct);

    /// <summary>Lists daemon sets in all namespaces.</summary>
    public IAsyncEnumerable<V1DaemonSet> ListDaemonSetsAsync(CancellationToken ct) =>
        _pager.ListAsync<V1DaemonSetList, V1DaemonSet>("list daemonsets", (c, l, t) => Client.AppsV1.ListDaemonSetForAllNamespacesAsync(continueParameter: c, limit: l, cancellationToken: t), ct);

    /// <summary>Lists replica sets in all namespaces.</summary>
    public IAsyncEnumerable<V1ReplicaSet> ListReplicaSetsAsync(CancellationToken ct) =>
        _pager.ListAsync<V1ReplicaSetList, V1ReplicaSet>("list replicasets", (c, l, t) => Client.AppsV1.ListReplicaSetForAllNamespacesAsync(continueParameter: c, limit: l, cancellationToken: t), ct);

    /// <summary>Lists jobs in all namespaces.</summary>
    public IAsyncEnumerable<V1Job> ListJobsAsync(CancellationToken ct) =>
        _pager.ListAsync<V1JobList, V1Job>("list jobs", (c, l, t) => Client.BatchV1.ListJobForAllNamespacesAsync(continueParameter: c, limit: l, cancellationToken: t), ct);

    /// <summary>Lists cron jobs in all namespaces.</summary>
    public IAsyncEnumerable<V1CronJob> ListCronJobsAsync(CancellationToken ct) =>
        _pager.ListAsync<V1CronJobList, V1CronJob>("list cronjobs", (c, l, t) => Client.BatchV1.ListCronJobForAllNamespacesAsync(continueParameter: c, limit: l, cancellationToken: t), ct);

    /// <summary>Lists cluster role bindings (rbac.authorization.k8s.io/v1).</summary>
    public IAsyncEnumerable<V1ClusterRoleBinding> ListClusterRoleBindingsAsync(CancellationToken ct) =>
        _pager.ListAsync<V1ClusterRoleBindingList, V1ClusterRoleBinding>("list clusterrolebindings", (c, l, t) => Client.RbacAuthorizationV1.ListClusterRoleBindingAsync(continueParameter: c, limit: l, cancellationToken: t), ct);

    /// <summary>Lists role bindings (rbac.authorization.k8s.io/v1) in all namespaces.</summary>
    public IAsyncEnumerable<V1RoleBinding> ListRoleBindingsAsync(CancellationToken ct) =>
        _pager.ListAsync<V1RoleBindingList, V1RoleBinding>("list rolebindings", (c, l, t) => Client.RbacAuthorizationV1.ListRoleBindingForAllNamespacesAsync(continueParameter: c, limit: l, cancellationToken: t), ct);

    /// <summary>
    /// Lists Karpenter EC2NodeClasses (<c>karpenter.k8s.aws/v1</c>, a custom resource). A 404 on the first page means
    /// the API server does not serve the resource (Karpenter's CRD is not installed): no node classes, not an error.
    /// Any other failure (403 included) is thrown like every list's.
    /// </summary>
    public IAsyncEnumerable<Ec2NodeClass> ListEc2NodeClassesAsync(CancellationToken ct) =>
        _pager.ListAsync<Ec2NodeClassList, Ec2NodeClass>("list ec2nodeclasses.karpenter.k8s.aws", async (c, l, t) =>
        {
            try
            {
                return await Client.CustomObjects.ListClusterCustomObjectAsync<Ec2NodeClassList>(
                    Ec2NodeClass.Group, Ec2NodeClass.Version, Ec2NodeClass.Plural, continueParameter: c, limit: l, cancellationToken: t).ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (c is null && ApiFailure.IsStatus(e, HttpStatusCode.NotFound))
            {
                return new Ec2NodeClassList();
            }
        }, ct);

    /// <summary>
    /// The uid of a namespace (e.g. <c>kube-system</c>: who the cluster is, whichever way the API server is reached);
    /// null when the namespace does not exist.
    /// </summary>
    public async Task<string?> GetNamespaceUidAsync(string name, CancellationToken ct)
    {
        try
        {
            var found = await _connection.Retry.ExecuteAsync($"get namespace {name}", t => Client.CoreV1.ReadNamespaceAsync(name, cancellationToken: t), ct).ConfigureAwait(false);
            return found.Metadata?.Uid;
        }
        catch (KubernetesApiException e) when (e.StatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Gets <c>kube-system/aws-auth</c>; null when the cluster has none.</summary>
    public Task<V1ConfigMap?> GetAwsAuthConfigMapAsync(CancellationToken ct) => GetConfigMapAsync("kube-system", "aws-auth", ct);

    /// <summary>Gets a ConfigMap; null when absent.</summary>
    public async Task<V1ConfigMap?> GetConfigMapAsync(string ns, string name, CancellationToken ct)
    {
        try
        {
            return await _connection.Retry.ExecuteAsync(
                $"get configmap {ns}/{name}",
                t => Client.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: t),
                ct);
        }
        catch (KubernetesApiException e) when (e.StatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// A ConfigMap's resourceVersion without its data: asked as <c>PartialObjectMetadata</c> (the API server then
    /// sends the metadata alone), with plain JSON as the second choice, so a server that ignores the first still
    /// answers with the whole object and its version. Null when absent.
    /// </summary>
    public async Task<string?> GetConfigMapVersionAsync(string ns, string name, CancellationToken ct)
    {
        try
        {
            var map = await _connection.Retry.ExecuteAsync(
                $"get configmap {ns}/{name} (metadata)",
                async t =>
                {
                    using var response = await Client.CoreV1.ReadNamespacedConfigMapWithHttpMessagesAsync(name, ns, customHeaders: MetadataOnly, cancellationToken: t).ConfigureAwait(false);
                    return response.Body;
                },
                ct);
            return map.Metadata?.ResourceVersion ?? string.Empty;
        }
        catch (KubernetesApiException e) when (e.StatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static readonly Dictionary<string, IReadOnlyList<string>> MetadataOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Accept"] = ["application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1", "application/json"],
    };
}
