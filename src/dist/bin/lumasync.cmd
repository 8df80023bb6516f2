@echo off
rem Lumasync launcher for Windows: no arguments = desktop app; a command = the CLI.
setlocal
set "APP_HOME=%~dp0.."
if defined LUMASYNC_JAVA (set "JAVA_CMD=%LUMASYNC_JAVA%") else if defined JAVA_HOME (set "JAVA_CMD=%JAVA_HOME%\bin\java.exe") else (set "JAVA_CMD=java")
set "COMMON=-Dlumasync.home=%APP_HOME% -Dlumasync.native=%APP_HOME%\lib\native -Dfile.encoding=UTF-8 --enable-native-access=ALL-UNNAMED -Xms32m -Xmx192m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
for %%c in (push destinations sources sync daemon optimize map activity bench login logout doctor completion manpage help -h --help -V --version hooks groups approvals workspaces alt ai mcp generate suggestions) do if "%~1"=="%%c" goto cli
"%JAVA_CMD%" %COMMON% --add-modules jdk.incubator.vector --module-path "%APP_HOME%\lib\javafx" --add-modules javafx.controls,javafx.swing --enable-native-access=javafx.graphics --add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED --add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED --add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED %LUMASYNC_JAVA_OPTS% -cp "%APP_HOME%\lib\*" io.lumasync.app.Main %*
exit /b %ERRORLEVEL%
:cli
rem The commands that convert images run the quality metric's vector loops (see the shell launcher).
set "VECTOR="
for %%v in (push sync daemon optimize bench approvals alt mcp generate) do if "%~1"=="%%v" set "VECTOR=--add-modules jdk.incubator.vector"
"%JAVA_CMD%" -Xshare:auto %COMMON% %VECTOR% %LUMASYNC_JAVA_OPTS% -cp "%APP_HOME%\lib\*" io.lumasync.app.Main %*
exit /b %ERRORLEVEL%
