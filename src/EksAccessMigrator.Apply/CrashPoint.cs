namespace EksAccessMigrator.Apply;

/// <summary>Step boundaries at which <see cref="ApplyOptions.CrashHook"/> is called.</summary>
public enum CrashPoint
{
    /// <summary>Before anything of the step happens.</summary>
    BeforeStep,

    /// <summary>The intent record is on disk; the call has not been made.</summary>
    AfterIntent,

    /// <summary>The call was made; its outcome is not yet recorded.</summary>
    AfterCall,
}
