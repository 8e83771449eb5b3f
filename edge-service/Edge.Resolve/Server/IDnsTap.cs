namespace Edge.Resolve.Server;

/// <summary>Sees every query the forwarder finished (answered, blocked, dropped, forwarded or
/// SERVFAILed). Called on the forwarder's threads: copy what you need and return; never block.</summary>
public interface IDnsTap
{
    void OnExchange(in DnsExchange exchange);
}
