"""Drives every operation of the fake EKS server through botocore and checks botocore parses it all.

Usage: python3 botocore_conformance.py <endpoint_url> <secret_access_key>

The C# test seeds the server first (see BotocoreConformanceTests): cluster "conformance" in CONFIG_MAP mode,
node groups "linux" and "windows", Fargate profile "fp", add-on "eks-pod-identity-agent", the cluster
creator with bootstrap admin permissions, UpdatePollsUntilComplete=2, and these faults: ListAddons throttled
twice, DescribeNodegroup failing once with 500. Exit code 0 means every check passed.
"""

import datetime
import json
import sys
import traceback

import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

CLUSTER = "conformance"
ACCOUNT = "111122223333"
NODE_ROLE = f"arn:aws:iam::{ACCOUNT}:role/eks-node-role"
WINDOWS_ROLE = f"arn:aws:iam::{ACCOUNT}:role/eks-windows-node-role"
FARGATE_ROLE = f"arn:aws:iam::{ACCOUNT}:role/fargate-pod-execution"
CREATOR = f"arn:aws:iam::{ACCOUNT}:role/platform/cluster-creator"
DEV = f"arn:aws:iam::{ACCOUNT}:role/teams/dev/developer"
POLICY_PREFIX = "arn:aws:eks::aws:cluster-access-policy/"
ADMIN = POLICY_PREFIX + "AmazonEKSClusterAdminPolicy"
VIEW = POLICY_PREFIX + "AmazonEKSViewPolicy"
APP_ROLE = f"arn:aws:iam::{ACCOUNT}:role/app-role"

checks = 0
shape_problems = []
validated_operations = set()


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        raise AssertionError(message)


def expect_error(code, status, call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as error:
        actual = error.response["Error"]["Code"]
        actual_status = error.response["ResponseMetadata"]["HTTPStatusCode"]
        check(actual == code, f"{call.__name__}: expected {code}, got {actual}")
        check(actual_status == status, f"{call.__name__}: expected HTTP {status}, got {actual_status}")
        check(bool(error.response["Error"].get("Message")), f"{call.__name__}: error message missing")
        return error
    raise AssertionError(f"{call.__name__}: expected {code}, but the call succeeded")


def is_time(value):
    return isinstance(value, datetime.datetime) and value.tzinfo is not None


def paginate(client, operation, result_key, **kwargs):
    items = []
    pages = 0
    for page in client.get_paginator(operation).paginate(**kwargs):
        pages += 1
        items.extend(page[result_key])
    return items, pages


def model_problems(shape, value, path):
    """Every member of a raw response must exist in the model with the right JSON type (and enum value)."""
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            return [f"{path}: expected an object"]
        problems = []
        for key, item in value.items():
            if key not in shape.members:
                problems.append(f"{path}.{key}: not a member of {shape.name}")
            else:
                problems.extend(model_problems(shape.members[key], item, f"{path}.{key}"))
        return problems
    if kind == "list":
        if not isinstance(value, list):
            return [f"{path}: expected a list"]
        return [p for i, item in enumerate(value) for p in model_problems(shape.member, item, f"{path}[{i}]")]
    if kind == "map":
        if not isinstance(value, dict):
            return [f"{path}: expected a map"]
        return [p for key, item in value.items() for p in model_problems(shape.value, item, f"{path}.{key}")]
    if kind == "timestamp":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return [] if ok else [f"{path}: timestamp must be epoch seconds, got {value!r}"]
    if kind == "boolean":
        return [] if isinstance(value, bool) else [f"{path}: expected a boolean"]
    if kind in ("integer", "long"):
        return [] if isinstance(value, int) and not isinstance(value, bool) else [f"{path}: expected an integer"]
    if kind == "string":
        if not isinstance(value, str):
            return [f"{path}: expected a string"]
        if shape.enum and value not in shape.enum:
            return [f"{path}: {value!r} is not in enum {shape.name}"]
    return []


def validate_response(http_response, parsed, model, **kwargs):
    if not parsed.get("ResponseMetadata", {}).get("RequestId"):
        shape_problems.append(f"{model.name}: no x-amzn-RequestId")
    if http_response.status_code != 200 or model.output_shape is None:
        return
    raw = json.loads(http_response.content or b"{}")
    shape_problems.extend(model_problems(model.output_shape, raw, model.name))
    validated_operations.add(model.name)


def make_client(endpoint, secret):
    session = botocore.session.get_session()
    client = session.create_client(
        "eks",
        endpoint_url=endpoint,
        region_name="us-west-2",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key=secret,
        config=Config(retries={"mode": "standard", "max_attempts": 4}, connect_timeout=5, read_timeout=20),
    )
    client.meta.events.register("after-call.eks", validate_response)
    return client


def cluster_and_compute(eks):
    cluster = eks.describe_cluster(name=CLUSTER)["cluster"]
    check(cluster["name"] == CLUSTER, "cluster name")
    check(cluster["arn"] == f"arn:aws:eks:us-west-2:{ACCOUNT}:cluster/{CLUSTER}", "cluster arn")
    check(is_time(cluster["createdAt"]), "cluster createdAt parsed as datetime")
    check(cluster["accessConfig"]["authenticationMode"] == "CONFIG_MAP", "initial mode")
    check(cluster["accessConfig"]["bootstrapClusterCreatorAdminPermissions"] is True, "bootstrap flag")
    expect_error("ResourceNotFoundException", 404, eks.describe_cluster, name="missing")

    check(eks.list_nodegroups(clusterName=CLUSTER)["nodegroups"] == ["linux", "windows"], "list_nodegroups")
    names, pages = paginate(eks, "list_nodegroups", "nodegroups", clusterName=CLUSTER, PaginationConfig={"PageSize": 1})
    check(names == ["linux", "windows"] and pages == 2, f"list_nodegroups paginator: {names} in {pages} pages")
    described = eks.describe_nodegroup(clusterName=CLUSTER, nodegroupName="linux")
    check(described["ResponseMetadata"]["RetryAttempts"] == 1, "describe_nodegroup retried once after injected 500")
    nodegroup = described["nodegroup"]
    check(nodegroup["nodeRole"] == NODE_ROLE, "nodegroup nodeRole")
    check(nodegroup["amiType"] == "AL2023_x86_64_STANDARD", "nodegroup amiType")
    check(nodegroup["scalingConfig"]["desiredSize"] == 2 and is_time(nodegroup["modifiedAt"]), "nodegroup shape")
    windows = eks.describe_nodegroup(clusterName=CLUSTER, nodegroupName="windows")["nodegroup"]
    check(windows["amiType"] == "WINDOWS_CORE_2022_x86_64", "windows amiType")
    expect_error("ResourceNotFoundException", 404, eks.describe_nodegroup, clusterName=CLUSTER, nodegroupName="nope")

    profiles, _ = paginate(eks, "list_fargate_profiles", "fargateProfileNames", clusterName=CLUSTER)
    check(profiles == ["fp"], "list_fargate_profiles paginator")
    check(eks.list_fargate_profiles(clusterName=CLUSTER, maxResults=1)["fargateProfileNames"] == ["fp"], "list_fargate_profiles")
    profile = eks.describe_fargate_profile(clusterName=CLUSTER, fargateProfileName="fp")["fargateProfile"]
    check(profile["podExecutionRoleArn"] == FARGATE_ROLE, "fargate role")
    check(profile["selectors"] == [{"namespace": "serverless", "labels": {"compute": "fargate"}}], "fargate selectors")
    expect_error("ResourceNotFoundException", 404, eks.describe_fargate_profile, clusterName=CLUSTER, fargateProfileName="x")


def addons(eks):
    listed = eks.list_addons(clusterName=CLUSTER)
    check(listed["ResponseMetadata"]["RetryAttempts"] == 2, "list_addons retried twice after injected throttling")
    check(listed["addons"] == ["eks-pod-identity-agent"], "list_addons")
    addon = eks.describe_addon(clusterName=CLUSTER, addonName="eks-pod-identity-agent")["addon"]
    check(addon["status"] == "ACTIVE" and is_time(addon["createdAt"]), "describe_addon")
    created = eks.create_addon(
        clusterName=CLUSTER,
        addonName="aws-ebs-csi-driver",
        addonVersion="v1.30.0-eksbuild.1",
        podIdentityAssociations=[{"serviceAccount": "ebs-csi-controller-sa", "roleArn": APP_ROLE}],
    )["addon"]
    check(created["status"] == "CREATING" and created["addonVersion"] == "v1.30.0-eksbuild.1", "create_addon")
    check(len(created["podIdentityAssociations"]) == 1, "create_addon pod identity associations")
    expect_error("ResourceInUseException", 409, eks.create_addon, clusterName=CLUSTER, addonName="aws-ebs-csi-driver")
    expect_error("ResourceNotFoundException", 404, eks.describe_addon, clusterName=CLUSTER, addonName="nope")
    names, pages = paginate(eks, "list_addons", "addons", clusterName=CLUSTER, PaginationConfig={"PageSize": 1})
    check(names == ["aws-ebs-csi-driver", "eks-pod-identity-agent"] and pages == 2, "list_addons paginator")
    eks.create_addon(clusterName=CLUSTER, addonName="coredns")
    deleted = eks.delete_addon(clusterName=CLUSTER, addonName="coredns")["addon"]
    check(deleted["status"] == "DELETING" and deleted["addonName"] == "coredns", "delete_addon")
    check("coredns" not in eks.list_addons(clusterName=CLUSTER)["addons"], "delete_addon removed it")
    expect_error("ResourceNotFoundException", 404, eks.delete_addon, clusterName=CLUSTER, addonName="coredns")


def wait_for_update(eks, update_id):
    statuses = []
    for _ in range(10):
        update = eks.describe_update(name=CLUSTER, updateId=update_id)["update"]
        check(update["type"] == "AccessConfigUpdate", "update type")
        check(is_time(update["createdAt"]), "update createdAt")
        statuses.append(update["status"])
        if update["status"] != "InProgress":
            break
    check(statuses == ["InProgress", "Successful"], f"update statuses {statuses}")


def change_mode(eks, mode):
    update = eks.update_cluster_config(name=CLUSTER, accessConfig={"authenticationMode": mode})["update"]
    check(update["status"] == "InProgress", "update starts InProgress")
    check(update["params"] == [{"type": "AuthenticationMode", "value": mode}], "update params")
    return update["id"]


def authentication_mode(eks):
    access_policies, pages = paginate(eks, "list_access_policies", "accessPolicies", PaginationConfig={"PageSize": 5})
    arns = {policy["arn"] for policy in access_policies}
    check(ADMIN in arns and VIEW in arns and pages > 1, "list_access_policies paginator")
    check(all(policy["arn"] == POLICY_PREFIX + policy["name"] for policy in access_policies), "policy names match ARNs")
    expect_error("InvalidParameterException", 400, eks.list_access_policies, nextToken="bogus")

    expect_error("InvalidRequestException", 400, eks.create_access_entry, clusterName=CLUSTER, principalArn=DEV)
    expect_error("InvalidRequestException", 400, eks.list_access_entries, clusterName=CLUSTER)
    update_id = change_mode(eks, "API_AND_CONFIG_MAP")
    check(eks.describe_cluster(name=CLUSTER)["cluster"]["status"] == "UPDATING", "cluster UPDATING")
    expect_error("ResourceInUseException", 409, eks.update_cluster_config, name=CLUSTER, accessConfig={"authenticationMode": "API"})
    wait_for_update(eks, update_id)
    cluster = eks.describe_cluster(name=CLUSTER)["cluster"]
    check(cluster["accessConfig"]["authenticationMode"] == "API_AND_CONFIG_MAP" and cluster["status"] == "ACTIVE", "mode switched")
    expect_error("InvalidParameterException", 400, eks.update_cluster_config, name=CLUSTER, accessConfig={"authenticationMode": "CONFIG_MAP"})
    expect_error("ResourceNotFoundException", 404, eks.describe_update, name=CLUSTER, updateId="no-such-update")


def eks_made_entries(eks):
    entries = eks.list_access_entries(clusterName=CLUSTER)["accessEntries"]
    check(sorted(entries) == sorted([NODE_ROLE, WINDOWS_ROLE, FARGATE_ROLE, CREATOR]), f"EKS-made entries {entries}")
    types = {arn: eks.describe_access_entry(clusterName=CLUSTER, principalArn=arn)["accessEntry"]["type"] for arn in entries}
    check(types == {NODE_ROLE: "EC2_LINUX", WINDOWS_ROLE: "EC2_WINDOWS", FARGATE_ROLE: "FARGATE_LINUX", CREATOR: "STANDARD"}, f"types {types}")
    creator = eks.list_associated_access_policies(clusterName=CLUSTER, principalArn=CREATOR)
    check(creator["principalArn"] == CREATOR and creator["clusterName"] == CLUSTER, "list_associated_access_policies echo")
    policy = creator["associatedAccessPolicies"][0]
    check(policy["policyArn"] == ADMIN and policy["accessScope"]["type"] == "cluster", "creator admin policy")
    check(is_time(policy["associatedAt"]) and is_time(policy["modifiedAt"]), "association timestamps")


def access_entries(eks):
    created = eks.create_access_entry(
        clusterName=CLUSTER, principalArn=DEV, kubernetesGroups=["developers"], username="dev-user", tags={"team": "dev"}
    )["accessEntry"]
    check(created["principalArn"] == DEV and created["type"] == "STANDARD", "create_access_entry")
    check(created["kubernetesGroups"] == ["developers"] and created["username"] == "dev-user", "create fields")
    check(created["tags"] == {"team": "dev"} and is_time(created["createdAt"]), "create tags/time")
    check(created["accessEntryArn"].startswith(f"arn:aws:eks:us-west-2:{ACCOUNT}:access-entry/{CLUSTER}/role/"), "entry arn")
    expect_error("ResourceInUseException", 409, eks.create_access_entry, clusterName=CLUSTER, principalArn=DEV)
    other = f"arn:aws:iam::{ACCOUNT}:role/other"
    expect_error("InvalidParameterException", 400, eks.create_access_entry, clusterName=CLUSTER, principalArn=other, kubernetesGroups=["system:masters"])
    expect_error("InvalidParameterException", 400, eks.create_access_entry, clusterName=CLUSTER, principalArn=other, username="system:admin")
    expect_error("InvalidParameterException", 400, eks.create_access_entry, clusterName=CLUSTER, principalArn="arn:aws:iam::bad")
    expect_error("InvalidParameterException", 400, eks.create_access_entry, clusterName=CLUSTER, principalArn=other, type="EC2_LINUX", username="x")
    expect_error("ResourceNotFoundException", 404, eks.create_access_entry, clusterName="missing", principalArn=other)

    first = eks.create_access_entry(clusterName=CLUSTER, principalArn=other, clientRequestToken="tok-same")["accessEntry"]
    again = eks.create_access_entry(clusterName=CLUSTER, principalArn=other, clientRequestToken="tok-same")["accessEntry"]
    check(first["accessEntryArn"] == again["accessEntryArn"], "clientRequestToken replay returns the original result")

    described = eks.describe_access_entry(clusterName=CLUSTER, principalArn=DEV)["accessEntry"]
    check(described["username"] == "dev-user" and described["clusterName"] == CLUSTER, "describe_access_entry")
    updated = eks.update_access_entry(clusterName=CLUSTER, principalArn=DEV, kubernetesGroups=["viewers", "developers"])["accessEntry"]
    check(updated["kubernetesGroups"] == ["viewers", "developers"] and updated["username"] == "dev-user", "update_access_entry")
    expect_error("InvalidParameterException", 400, eks.update_access_entry, clusterName=CLUSTER, principalArn=NODE_ROLE, kubernetesGroups=["x"])

    entries, pages = paginate(eks, "list_access_entries", "accessEntries", clusterName=CLUSTER, PaginationConfig={"PageSize": 2})
    check(len(entries) == 6 and len(set(entries)) == 6 and pages == 3, f"list_access_entries paginator {entries} in {pages} pages")
    expect_error("InvalidParameterException", 400, eks.list_access_entries, clusterName=CLUSTER, nextToken="bogus")

    associated = eks.associate_access_policy(
        clusterName=CLUSTER, principalArn=DEV, policyArn=VIEW, accessScope={"type": "namespace", "namespaces": ["dev", "qa-*"]}
    )
    check(associated["clusterName"] == CLUSTER and associated["principalArn"] == DEV, "associate echo")
    scope = associated["associatedAccessPolicy"]["accessScope"]
    check(scope == {"type": "namespace", "namespaces": ["dev", "qa-*"]}, f"associate scope {scope}")
    eks.associate_access_policy(clusterName=CLUSTER, principalArn=DEV, policyArn=ADMIN, accessScope={"type": "cluster"})
    expect_error("InvalidParameterException", 400, eks.associate_access_policy, clusterName=CLUSTER, principalArn=DEV,
                 policyArn=POLICY_PREFIX + "AmazonEKSNoSuchPolicy", accessScope={"type": "cluster"})
    expect_error("InvalidParameterException", 400, eks.associate_access_policy, clusterName=CLUSTER, principalArn=NODE_ROLE,
                 policyArn=VIEW, accessScope={"type": "cluster"})
    policies, pages = paginate(eks, "list_associated_access_policies", "associatedAccessPolicies",
                               clusterName=CLUSTER, principalArn=DEV, PaginationConfig={"PageSize": 1})
    check(sorted(p["policyArn"] for p in policies) == sorted([ADMIN, VIEW]) and pages == 2, "list_associated paginator")
    viewers = eks.list_access_entries(clusterName=CLUSTER, associatedPolicyArn=VIEW)["accessEntries"]
    check(viewers == [DEV], f"associatedPolicyArn filter {viewers}")

    eks.disassociate_access_policy(clusterName=CLUSTER, principalArn=DEV, policyArn=VIEW)
    expect_error("ResourceNotFoundException", 404, eks.disassociate_access_policy, clusterName=CLUSTER, principalArn=DEV, policyArn=VIEW)
    eks.delete_access_entry(clusterName=CLUSTER, principalArn=DEV)
    expect_error("ResourceNotFoundException", 404, eks.describe_access_entry, clusterName=CLUSTER, principalArn=DEV)
    expect_error("ResourceNotFoundException", 404, eks.delete_access_entry, clusterName=CLUSTER, principalArn=DEV)


def pod_identity(eks):
    created = eks.create_pod_identity_association(
        clusterName=CLUSTER, namespace="apps", serviceAccount="web", roleArn=APP_ROLE, tags={"app": "web"}
    )["association"]
    association_id = created["associationId"]
    check(created["namespace"] == "apps" and created["serviceAccount"] == "web" and created["roleArn"] == APP_ROLE, "create association")
    check(is_time(created["createdAt"]) and created["tags"] == {"app": "web"}, "association time/tags")
    check(created["associationArn"].endswith("/" + association_id), "association arn")
    expect_error("ResourceInUseException", 409, eks.create_pod_identity_association, clusterName=CLUSTER, namespace="apps",
                 serviceAccount="web", roleArn=APP_ROLE)
    expect_error("InvalidParameterException", 400, eks.create_pod_identity_association, clusterName=CLUSTER, namespace="apps",
                 serviceAccount="api", roleArn=f"arn:aws:iam::{ACCOUNT}:user/someone")
    eks.create_pod_identity_association(clusterName=CLUSTER, namespace="apps", serviceAccount="api", roleArn=APP_ROLE)

    described = eks.describe_pod_identity_association(clusterName=CLUSTER, associationId=association_id)["association"]
    check(described["associationId"] == association_id and described["disableSessionTags"] is False, "describe association")
    summaries, pages = paginate(eks, "list_pod_identity_associations", "associations", clusterName=CLUSTER, namespace="apps",
                                PaginationConfig={"PageSize": 1})
    check(sorted(s["serviceAccount"] for s in summaries) == ["api", "web"] and pages == 2, "list associations paginator")
    owned = eks.list_pod_identity_associations(clusterName=CLUSTER, namespace="kube-system")["associations"]
    check(len(owned) == 1 and owned[0]["ownerArn"].startswith(f"arn:aws:eks:us-west-2:{ACCOUNT}:addon/{CLUSTER}/aws-ebs-csi-driver/"),
          "add-on owned association")

    updated = eks.update_pod_identity_association(
        clusterName=CLUSTER, associationId=association_id, roleArn=f"arn:aws:iam::{ACCOUNT}:role/new-role", disableSessionTags=True
    )["association"]
    check(updated["roleArn"].endswith("/new-role") and updated["disableSessionTags"] is True, "update association")
    deleted = eks.delete_pod_identity_association(clusterName=CLUSTER, associationId=association_id)["association"]
    check(deleted["associationId"] == association_id, "delete association returns it")
    expect_error("ResourceNotFoundException", 404, eks.describe_pod_identity_association, clusterName=CLUSTER, associationId=association_id)


def final_mode(eks, endpoint):
    wait_for_update(eks, change_mode(eks, "API"))
    check(eks.describe_cluster(name=CLUSTER)["cluster"]["accessConfig"]["authenticationMode"] == "API", "mode API")
    expect_error("InvalidParameterException", 400, eks.update_cluster_config, name=CLUSTER, accessConfig={"authenticationMode": "API_AND_CONFIG_MAP"})
    forged = make_client(endpoint, "not-the-secret")
    expect_error("InvalidSignatureException", 403, forged.describe_cluster, name=CLUSTER)


def main():
    endpoint, secret = sys.argv[1], sys.argv[2]
    eks = make_client(endpoint, secret)
    cluster_and_compute(eks)
    addons(eks)
    authentication_mode(eks)
    eks_made_entries(eks)
    access_entries(eks)
    pod_identity(eks)
    final_mode(eks, endpoint)
    check(not shape_problems, "responses outside the model:\n  " + "\n  ".join(shape_problems))
    check(len(validated_operations) == 25, f"validated {len(validated_operations)} operations: {sorted(validated_operations)}")
    print(f"conformance OK: {checks} checks, botocore {botocore.__version__}")


if __name__ == "__main__":
    try:
        main()
    except Exception:  # report everything (assertion or botocore parse failure) and fail
        traceback.print_exc()
        print(f"conformance FAILED after {checks} checks")
        sys.exit(1)
