namespace Edge.Detect.Intel;

/// <summary>What one file's earlier lines tell the parser about later ones: the RPZ zone origin
/// and whether a multi-line SOA record's parentheses are still open. Start each file at default.</summary>
public struct IntelParserState
{
    internal byte[]? Origin;
    internal bool InParentheses;
}
