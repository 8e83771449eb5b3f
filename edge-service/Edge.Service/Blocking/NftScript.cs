using System.Text;
using Edge.Detect.Intel;

namespace Edge.Service.Blocking;

/// <summary>The nftables text for gateway blocking. One <c>inet</c> table holds an IPv4 and an
/// IPv6 interval set (<c>auto-merge</c>: feeds list nested and overlapping prefixes, which nft
/// 1.0.6 merges within and across <c>add element</c> statements of one transaction) and a forward
/// chain: packets to a listed address are logged to the NFLOG group (rate-limited; logging does
/// not end the rule walk) and then dropped with a named counter; packets from one are dropped too.
/// Every script is run as one <c>nft -f</c> transaction, so the sets are never seen empty.</summary>
public static class NftScript
{
    public const string Set4 = "blocked4";
    public const string Set6 = "blocked6";
    public const string DroppedOut = "dropped_out";
    public const string DroppedIn = "dropped_in";
    public const string LogPrefix = "edge-block";

    /// <summary>Elements per <c>add element</c> statement: keeps each statement small for nft's parser.</summary>
    internal const int Batch = 1024;

    /// <summary>The table from scratch (an existing one of the same name is replaced) with the
    /// snapshot's networks: the start of gateway mode.</summary>
    public static ElementCounts WriteTable(TextWriter w, BlockingSettings settings, IntelSnapshot snapshot)
    {
        var t = settings.Table;
        // "table" adds it when missing, so the delete never fails on a first start.
        w.Write($"table inet {t} {{}}\ndelete table inet {t}\n");
        w.Write($$"""
            table inet {{t}} {
              set {{Set4}} { type ipv4_addr; flags interval; auto-merge; }
              set {{Set6}} { type ipv6_addr; flags interval; auto-merge; }
              counter {{DroppedOut}} {}
              counter {{DroppedIn}} {}
              chain forward {
                type filter hook forward priority filter; policy accept;
                ip daddr @{{Set4}} limit rate {{settings.LogRate}}/second log group {{settings.LogGroup}} prefix "{{LogPrefix}}"
                ip6 daddr @{{Set6}} limit rate {{settings.LogRate}}/second log group {{settings.LogGroup}} prefix "{{LogPrefix}}"
                ip daddr @{{Set4}} counter name "{{DroppedOut}}" drop
                ip6 daddr @{{Set6}} counter name "{{DroppedOut}}" drop
                ip saddr @{{Set4}} counter name "{{DroppedIn}}" drop
                ip6 saddr @{{Set6}} counter name "{{DroppedIn}}" drop
              }
            }

            """);
        return WriteElements(w, settings, snapshot);
    }

    /// <summary>Both sets emptied and refilled in the same transaction: an intel swap.</summary>
    public static ElementCounts WriteUpdate(TextWriter w, BlockingSettings settings, IntelSnapshot snapshot)
    {
        w.Write($"flush set inet {settings.Table} {Set4}\nflush set inet {settings.Table} {Set6}\n");
        return WriteElements(w, settings, snapshot);
    }

    /// <summary>The listed networks of the blocked categories, in batches per family. An empty set
    /// gets no statement (nft refuses <c>{ }</c>).</summary>
    public static ElementCounts WriteElements(TextWriter w, BlockingSettings settings, IntelSnapshot snapshot)
    {
        var categories = new HashSet<string>(settings.BlockedCategories, StringComparer.Ordinal);
        var v4 = WriteFamily(w, settings.Table, Set4, snapshot, categories, ipv4: true);
        var v6 = WriteFamily(w, settings.Table, Set6, snapshot, categories, ipv4: false);
        return new ElementCounts(v4, v6);
    }

    private static int WriteFamily(TextWriter w, string table, string set, IntelSnapshot snapshot, HashSet<string> categories, bool ipv4)
    {
        Span<byte> utf8 = stackalloc byte[64];
        Span<char> text = stackalloc char[64];
        var written = 0;
        var inBatch = 0;
        foreach (var cidr in snapshot.EnumerateCidrs())
        {
            if (cidr.Network.IsIPv4 != ipv4 || !categories.Contains(cidr.List.Category))
                continue;
            w.Write(inBatch == 0 ? $"add element inet {table} {set} {{ " : ", ");
            cidr.Network.TryFormat(utf8, out var length);
            w.Write(text[..Encoding.ASCII.GetChars(utf8[..length], text)]);
            w.Write('/');
            w.Write(cidr.PrefixLength);
            written++;
            if (++inBatch == Batch)
            {
                w.Write(" }\n");
                inBatch = 0;
            }
        }
        if (inBatch > 0)
            w.Write(" }\n");
        return written;
    }
}

/// <summary>Networks written to each set.</summary>
public readonly record struct ElementCounts(int V4, int V6);
