namespace Edge.Detect.Protocols;

/// <summary>What a client payload says about crypto-mining, by JSON-RPC method.</summary>
public enum MiningMatch : byte
{
    None,
    StratumSubscribe,
    StratumAuthorize,
    StratumSubmit,
    /// <summary>Any other <c>mining.*</c> method (extranonce.subscribe, configure, suggest_difficulty …).</summary>
    StratumOther,
    /// <summary>Monero-style (xmrig) pool login: method <c>login</c> whose params carry an <c>agent</c>.</summary>
    XmrigLogin,
    /// <summary>Method <c>submit</c> whose params object has <c>job_id</c> and <c>nonce</c>.</summary>
    XmrigSubmit,
    XmrigKeepalived,
}
