namespace Edge.Service.Status;

/// <summary>Gives the current <see cref="StatusSnapshot"/>; called from request threads.</summary>
public interface IStatusSource
{
    StatusSnapshot Current();
}
