# An exception escapes main: exit status 1 (the report goes to stderr, which is not compared),
# after the output printed before it, and after a linked process's crash was trapped.
defmodule ElixirRaise do
  def main do
    IO.puts("before raise")
    Process.flag(:trap_exit, true)
    pid = spawn_link(fn -> exit(:custom_reason) end)
    receive do
      {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "linked process exited")
    end
    String.to_integer(Process.get(:input, "not a number"))
  end
end
