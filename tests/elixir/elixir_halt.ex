# Ends with System.halt/1 from a process other than the one running main: the exit status is
# the halt's, and what was printed before it is all there.
defmodule ElixirHalt do
  def main do
    IO.puts("before halt")
    IO.inspect(Enum.sum(1..10))
    spawn(fn -> System.halt(3) end)
    Process.sleep(:infinity)
  end
end
