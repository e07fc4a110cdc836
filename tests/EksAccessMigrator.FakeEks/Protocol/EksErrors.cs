namespace EksAccessMigrator.FakeEks.Protocol;

/// <summary>Factories for the modelled EKS errors (status codes from the service model).</summary>
internal static class EksErrors
{
    public static ApiResponse NotFound(string message, string? clusterName = null) =>
        ApiResponse.Error(404, "ResourceNotFoundException", message, clusterName);

    public static ApiResponse ClusterNotFound(string clusterName) =>
        NotFound($"No cluster found for name: {clusterName}.", clusterName);

    public static ApiResponse InvalidParameter(string message, string? clusterName = null) =>
        ApiResponse.Error(400, "InvalidParameterException", message, clusterName);

    public static ApiResponse InvalidRequest(string message, string? clusterName = null) =>
        ApiResponse.Error(400, "InvalidRequestException", message, clusterName);

    public static ApiResponse InUse(string message, string? clusterName = null) =>
        ApiResponse.Error(409, "ResourceInUseException", message, clusterName);

    public static ApiResponse LimitExceeded(string message, string? clusterName = null) =>
        ApiResponse.Error(400, "ResourceLimitExceededException", message, clusterName);

    public static ApiResponse Serialization(string message) =>
        ApiResponse.Error(400, "SerializationException", message);

    public static ApiResponse UnknownOperation() =>
        ApiResponse.Error(404, "UnknownOperationException", "Unknown operation.");

    public static ApiResponse AccessEntriesDisabled(string clusterName) =>
        InvalidRequest(
            "The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.",
            clusterName);
}
