namespace Edge.Flashing.Client;

/// <summary>Inside the client only: this connection is over, open the port again and resume.</summary>
internal sealed class LinkLostException : Exception
{
    public LinkLostException() { }

    public LinkLostException(string message) : base(message) { }

    public LinkLostException(string message, Exception innerException) : base(message, innerException) { }
}
