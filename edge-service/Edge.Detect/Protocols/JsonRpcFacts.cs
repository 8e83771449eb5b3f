namespace Edge.Detect.Protocols;

/// <summary>The parts of one JSON-RPC object that mining detection reads, as offsets into the
/// payload (string contents between the quotes, escapes left as sent); length -1 when absent.</summary>
internal struct JsonRpcFacts
{
    public int MethodStart;
    public int MethodLength;
    public int FirstParamStart;
    public int FirstParamLength;
    public int LoginStart;
    public int LoginLength;
    public bool HasAgent;
    public bool HasJobId;
    public bool HasNonce;

    public static JsonRpcFacts Empty => new() { MethodLength = -1, FirstParamLength = -1, LoginLength = -1 };
}
