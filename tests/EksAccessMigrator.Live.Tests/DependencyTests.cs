using System.Reflection;
using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Sts;

namespace EksAccessMigrator.Live.Tests;

/// <summary>The live scan reads the AWS side through Core's ports; only the composition names the wire clients (issue 10).</summary>
public sealed class DependencyTests
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly Type[] Clients = [typeof(EksClient), typeof(IamClient), typeof(StsClient)];

    /// <summary>The composition of the adapters: the connection that owns the clients and the factory of the ports over them.</summary>
    private static readonly Type[] Composition = [typeof(ClusterConnection), typeof(AdapterPorts)];

    [Fact]
    public void Issue10_OnlyTheComposition_NamesEksIamOrStsClients()
    {
        // Fields (an async method's locals and a lambda's captures are fields of compiler-made nested types),
        // properties, and method and constructor signatures of every type of Live outside the composition.
        var naming = typeof(LiveInventoryScanner).Assembly.GetTypes()
            .Where(t => !Composition.Contains(Outermost(t)))
            .SelectMany(t => Uses(t).Where(Clients.Contains).Select(c => $"{t.FullName} uses {c.Name}"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(naming);
        Assert.Contains(typeof(EksClient), Uses(typeof(ClusterConnection)));
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static IEnumerable<Type> Uses(Type type) =>
        type.GetFields(Members).Select(f => f.FieldType)
            .Concat(type.GetProperties(Members).Select(p => p.PropertyType))
            .Concat(type.GetMethods(Members).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Concat(type.GetConstructors(Members).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)));
}
