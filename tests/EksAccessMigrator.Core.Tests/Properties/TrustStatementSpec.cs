namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>
/// One generated statement of this cluster's OIDC provider in a role's trust policy.
/// </summary>
/// <param name="Host">Which of the issuer's host forms (<see cref="IrsaCase.ThisCluster"/>).</param>
/// <param name="WildcardNamespace">The namespace of a <see cref="TrustStatementShape.NamespaceWildcard"/> statement.</param>
/// <param name="Like">StringLike instead of StringEquals (subjects only).</param>
/// <param name="Kept">Bits <c>2j</c> and <c>2j+1</c>: the role's <c>j</c>-th ServiceAccount is among the subjects unless both are clear (3 in 4).</param>
/// <param name="Take">How many subjects are written (1-4), the one elsewhere counted.</param>
/// <param name="Scalar">A single subject is written as a string, not a list.</param>
internal sealed record TrustStatementSpec(int Host, TrustStatementShape Shape, int WildcardNamespace, bool Like, int Kept, int Take, bool Scalar)
{
    public bool Keeps(int index) => ((Kept >> (2 * index)) & 3) != 0;

    /// <summary>Simpler statements: StringEquals, the classic host, a list.</summary>
    public IEnumerable<TrustStatementSpec> Shrink()
    {
        if (Like)
        {
            yield return this with { Like = false };
        }

        if (Host > 0)
        {
            yield return this with { Host = 0 };
        }

        if (Scalar)
        {
            yield return this with { Scalar = false };
        }
    }
}
