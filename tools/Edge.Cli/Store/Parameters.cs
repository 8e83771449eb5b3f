using System.Data.Common;

namespace Edge.Cli.Store;

/// <summary>Adds <c>@name</c> parameters the same way for both providers (null becomes DBNull).</summary>
public static class Parameters
{
    public static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
