using YamlDotNet.RepresentationModel;

namespace EksAccessMigrator.Core.AwsAuth;

/// <summary>A value of the wrong YAML type inside an aws-auth entry; it makes the authenticator drop the section.</summary>
internal sealed record WrongType(YamlNode Node, string Expected);
