using System.Text.Json;
using EksAccessMigrator.Aws;
using EksAccessMigrator.Aws.Errors;
using EksAccessMigrator.Aws.Logging;
using EksAccessMigrator.Kubernetes;

namespace EksAccessMigrator.Live.Errors;

/// <summary>Turns the adapters' failures into the scan's typed errors with actionable, redacted messages.</summary>
internal static class ScanErrors
{
    private static readonly HashSet<string> PermissionCodes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
    };

    /// <summary>The scan error for <paramref name="error"/>; null when it is not an expected I/O failure (a bug, or cancellation).</summary>
    public static LiveScanException? Translate(ScanStep step, Exception error, LiveScanContext context) => error switch
    {
        LiveScanException scan => scan,
        AwsResourceNotFoundException when step == ScanStep.DescribeCluster => new ClusterNotFoundException(context.ClusterName, context.Region, error),
        AwsAccessDeniedException denied => AccessDenied(step, denied),
        AwsServiceException service => new LiveScanException(step, Redact($"{Describe(step)} failed: {service.Message}"), error),
        AwsTransportException => Unreachable(step, ServiceOf(step), context.AwsEndpoint(ServiceOf(step)), error),
        KubernetesApiException { StatusCode: null } => Unreachable(step, "Kubernetes", context.KubernetesEndpoint, error),
        KubernetesApiException { StatusCode: 401 } k => new ScanAccessDeniedException(step, k.Operation, "an aws-auth mapping or access entry for the caller",
            Redact($"The Kubernetes API server did not accept the credentials (HTTP 401) for {k.Operation}: the caller's IAM principal needs an aws-auth mapping or an access entry in the cluster, or the kubeconfig's credentials are wrong."), error),
        KubernetesApiException { StatusCode: 403 } k => new ScanAccessDeniedException(step, k.Operation, $"Kubernetes RBAC: {k.Operation}",
            Redact($"The Kubernetes API server refused {k.Operation} (HTTP 403 Forbidden): grant the caller RBAC permission to {k.Operation}, {RbacHint(step)}."), error),
        KubernetesApiException k => new LiveScanException(step, Redact($"{Describe(step)} failed: {k.Message}"), error),
        KubernetesConfigurationException or AwsConfigurationException => new LiveScanException(step, Redact($"{Describe(step)}: {error.Message}"), error),
        JsonException or FormatException => new LiveScanException(step, Redact($"{Describe(step)}: the response could not be read: {error.Message}"), error),
        HttpRequestException => Unreachable(step, ServiceOf(step), IsKubernetes(step) ? context.KubernetesEndpoint : context.AwsEndpoint(ServiceOf(step)), error),
        _ => null,
    };

    public static string Redact(string text) => WireRedactor.RedactText(text);

    private static ScanAccessDeniedException AccessDenied(ScanStep step, AwsAccessDeniedException denied)
    {
        var operation = string.IsNullOrEmpty(denied.Operation) ? Describe(step) : denied.Operation;
        var permission = $"{PermissionPrefix(step)}:{operation}";
        var message = PermissionCodes.Contains(denied.ErrorCode)
            ? $"{Describe(step)}: the credentials lack the permission {permission} ({denied.ErrorCode}: {denied.ServiceMessage}). Grant {permission} to the principal running the scan."
            : $"{Describe(step)}: AWS rejected the credentials for {operation} ({denied.ErrorCode}: {denied.ServiceMessage}). Check that the credentials are valid and not expired (e.g. renew the SSO session or the profile's keys).";
        return new ScanAccessDeniedException(step, operation, permission, Redact(message), denied);
    }

    private static EndpointUnreachableException Unreachable(ScanStep step, string service, Uri? endpoint, Exception error)
    {
        var where = endpoint is null ? service : $"{service} at {endpoint.GetLeftPart(UriPartial.Authority)}";
        var hint = service == "Kubernetes"
            ? " If the cluster's endpoint is private, run the scan from inside its network or give --kubeconfig with a reachable server."
            : " Check the network, the region, and any AWS_ENDPOINT_URL* override.";
        return new EndpointUnreachableException(step, service, endpoint, Redact($"{Describe(step)}: {where} did not answer ({error.Message}).{hint}"), error);
    }

    private static string ServiceOf(ScanStep step) => step switch
    {
        ScanStep.IamRoles or ScanStep.IamUsers or ScanStep.NodeRolePolicies => "IAM",
        ScanStep.CallerIdentity => "STS",
        _ when IsKubernetes(step) => "Kubernetes",
        _ => "EKS",
    };

    private static bool IsKubernetes(ScanStep step) => step is ScanStep.AwsAuth or ScanStep.Namespaces or ScanStep.ServiceAccounts or ScanStep.Pods
        or ScanStep.Deployments or ScanStep.StatefulSets or ScanStep.DaemonSets or ScanStep.ReplicaSets or ScanStep.Jobs or ScanStep.CronJobs
        or ScanStep.ClusterRoleBindings or ScanStep.RoleBindings or ScanStep.NodeClasses;

    private static string RbacHint(ScanStep step) => step switch
    {
        ScanStep.AwsAuth => "e.g. 'get' on configmaps in kube-system",
        ScanStep.ClusterRoleBindings or ScanStep.RoleBindings =>
            "e.g. 'list' on clusterrolebindings and rolebindings (apiGroup rbac.authorization.k8s.io) in all namespaces (the built-in 'view' ClusterRole does not have it; rule S1 needs them)",
        ScanStep.NodeClasses =>
            "e.g. 'list' on ec2nodeclasses (apiGroup karpenter.k8s.aws) (the built-in 'view' ClusterRole does not have it unless Karpenter aggregates it; rules N1-N3 need them)",
        _ => "e.g. 'list' on namespaces, serviceaccounts, pods, deployments, statefulsets, daemonsets, replicasets, jobs and cronjobs in all namespaces (the built-in 'view' ClusterRole has it)",
    };

    private static string PermissionPrefix(ScanStep step) => ServiceOf(step).ToLowerInvariant();

    private static string Describe(ScanStep step) => step switch
    {
        ScanStep.DescribeCluster => "Reading the cluster (DescribeCluster)",
        ScanStep.CallerIdentity => "Identifying the caller (GetCallerIdentity)",
        ScanStep.AwsAuth => "Reading kube-system/aws-auth",
        ScanStep.IamRoles => "Listing IAM roles",
        ScanStep.IamUsers => "Listing IAM users",
        ScanStep.AccessEntries => "Reading the cluster's access entries",
        ScanStep.Namespaces => "Listing Namespaces",
        ScanStep.ServiceAccounts => "Listing ServiceAccounts",
        ScanStep.Pods => "Listing Pods",
        ScanStep.Deployments => "Listing Deployments",
        ScanStep.StatefulSets => "Listing StatefulSets",
        ScanStep.DaemonSets => "Listing DaemonSets",
        ScanStep.ReplicaSets => "Listing ReplicaSets",
        ScanStep.Jobs => "Listing Jobs",
        ScanStep.CronJobs => "Listing CronJobs",
        ScanStep.ClusterRoleBindings => "Listing ClusterRoleBindings",
        ScanStep.RoleBindings => "Listing RoleBindings",
        ScanStep.NodeClasses => "Listing Karpenter EC2NodeClasses",
        ScanStep.Addons => "Listing the cluster's add-ons (ListAddons)",
        ScanStep.PodIdentityAssociations => "Reading the cluster's Pod Identity associations",
        ScanStep.Nodegroups => "Reading the cluster's node groups",
        ScanStep.FargateProfiles => "Reading the cluster's Fargate profiles",
        ScanStep.NodeRolePolicies => "Reading the node roles' IAM policies",
        _ => step.ToString(),
    };
}
