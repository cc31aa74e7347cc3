@echo off
rem Starts Jykka's OSGi container for plugin actors. Options: bin\jykka --help
rem   JAVA_HOME  the Java runtime to use (17 or later); else the first java on the PATH
rem   JAVA_OPTS  extra JVM options, e.g. -Xmx256m or -Dfelix.fileinstall.poll=500
setlocal
set "JYKKA_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
"%JAVA%" %JAVA_OPTS% "-Djykka.home=%JYKKA_HOME%" -jar "%JYKKA_HOME%\lib\jykka-launcher.jar" %*
exit /b %ERRORLEVEL%
