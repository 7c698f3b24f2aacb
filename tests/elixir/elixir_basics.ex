# A program in Elixir, run under beamrun and under the real `elixir` from the same .beam files
# (tests/CMakeLists.txt compiles it with elixirc; tools/record-expected.sh records elixir's output).
defmodule ElixirBasics.Point do
  defstruct x: 0, y: 0
end

defmodule ElixirBasics.Counter do
  use GenServer

  def start_link(initial), do: GenServer.start_link(__MODULE__, initial)
  def increment(pid, by), do: GenServer.cast(pid, {:increment, by})
  def value(pid), do: GenServer.call(pid, :value)

  @impl true
  def init(initial), do: {:ok, initial}

  @impl true
  def handle_cast({:increment, by}, count), do: {:noreply, count + by}

  @impl true
  def handle_call(:value, _from, count), do: {:reply, count, count}
end

defprotocol ElixirBasics.Shape do
  def area(shape)
end

defimpl ElixirBasics.Shape, for: ElixirBasics.Point do
  def area(_point), do: 0
end

defimpl ElixirBasics.Shape, for: Tuple do
  def area({w, h}), do: w * h
end

defmodule ElixirBasics do
  alias ElixirBasics.{Counter, Point, Shape}

  def main do
    IO.puts("hello from Elixir")
    IO.puts(["iodata ", ?o, "k"])

    # IO.inspect of the common shapes
    IO.inspect(%Point{x: 1, y: 2})
    IO.inspect(%{a: 1, b: "two", c: [3]})
    IO.inspect(~c"charlist")
    IO.inspect([1, 2, 3])
    IO.inspect(foo: 1, bar: :baz)
    IO.inspect({:ok, 3.14, "binary", <<1, 2, 3>>})
    IO.inspect(12345678901234567890 * 98765432109876543210)
    IO.inspect(-0.5e-10)
    IO.inspect(:"quoted atom")
    IO.inspect(nil)
    IO.inspect(1..10)
    IO.inspect("tag", label: "labelled")

    # Enum
    IO.inspect(Enum.map(1..5, &(&1 * &1)))
    IO.inspect(Enum.filter(1..20, &(rem(&1, 3) == 0)))
    IO.inspect(Enum.reduce(1..100, 0, &+/2))
    IO.inspect(Enum.sort([5, 3, 9, 1], :desc))
    IO.inspect(Enum.sort_by(["ccc", "a", "bb"], &String.length/1))
    IO.inspect(Enum.zip([1, 2, 3], [:a, :b, :c]))
    IO.inspect(Enum.group_by(1..10, &rem(&1, 3)))
    IO.inspect(Enum.chunk_every(1..7, 3))
    IO.inspect(Enum.frequencies(~w(a b a c b a)))
    IO.inspect(Enum.with_index([:x, :y]))
    IO.inspect(Enum.join(["a", "b", "c"], "-"))
    IO.inspect(Enum.into([a: 1, b: 2], %{}))
    IO.inspect(for x <- 1..3, y <- [:a, :b], do: {x, y})
    IO.inspect(Enum.take(Stream.iterate(1, &(&1 * 2)), 10))

    # Map
    m = %{"one" => 1, "two" => 2}
    IO.inspect(Map.put(m, "three", 3))
    IO.inspect(Map.get(m, "two"))
    IO.inspect(Map.update!(m, "one", &(&1 + 10)))
    IO.inspect(Map.keys(m))
    IO.inspect(Map.merge(%{a: 1}, %{b: 2}))
    IO.inspect(Map.to_list(%{z: 26, a: 1}))
    IO.inspect(Map.new(1..40, &{&1, &1 * 2}) |> map_size())

    # String
    IO.inspect(String.upcase("hello wörld"))
    IO.inspect(String.split("a,b,,c", ","))
    IO.inspect(String.length("héllo"))
    IO.inspect(String.reverse("stressed"))
    IO.inspect(String.replace("banana", "an", "AN"))
    IO.inspect(String.trim("  padded  "))
    IO.inspect(String.pad_leading("7", 3, "0"))
    IO.inspect(String.to_integer("12345"))
    IO.inspect(String.graphemes("añb"))
    IO.inspect(String.contains?("elixir", "xi"))
    IO.inspect(String.duplicate("ab", 3))
    IO.puts("interpolated #{1 + 2} and #{inspect(:atom)}")

    # Integer
    IO.inspect(Integer.to_string(255, 16))
    IO.inspect(Integer.parse("42abc"))
    IO.inspect(Integer.digits(9876))
    IO.inspect(Integer.pow(2, 100))
    IO.inspect(Integer.gcd(84, 36))

    # Tasks
    tasks = for i <- 1..5, do: Task.async(fn -> i * 10 end)
    IO.inspect(Enum.map(tasks, &Task.await/1))

    # A GenServer
    {:ok, pid} = Counter.start_link(5)
    Counter.increment(pid, 10)
    Counter.increment(pid, 27)
    IO.inspect(Counter.value(pid))
    IO.inspect(GenServer.stop(pid))
    IO.inspect(Process.alive?(pid))

    # Agent and Supervisor (both gen_servers underneath)
    {:ok, agent} = Agent.start_link(fn -> [] end)
    Enum.each(1..3, fn i -> Agent.update(agent, &[i | &1]) end)
    IO.inspect(Agent.get(agent, &Enum.reverse/1))
    Agent.stop(agent)
    children = [%{id: :store, start: {Agent, :start_link, [fn -> :state end]}}]
    {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
    IO.inspect(Supervisor.count_children(sup))
    IO.inspect(Supervisor.which_children(sup) |> Enum.map(&elem(&1, 0)))
    Supervisor.stop(sup)

    # Processes and messages
    parent = self()
    child = spawn(fn -> receive do: ({:ping, from} -> send(from, :pong)) end)
    ref = Process.monitor(child)
    send(child, {:ping, parent})
    receive do: (:pong -> IO.puts("pong"))
    receive do: ({:DOWN, ^ref, :process, ^child, reason} -> IO.inspect(reason))

    # Protocols, structs, MapSet, dates
    IO.inspect({Shape.area(%Point{}), Shape.area({3, 4})})
    IO.inspect(%{%Point{x: 5} | y: 7})
    IO.inspect(MapSet.new([3, 1, 2, 3]) |> MapSet.put(9))
    IO.inspect(Date.add(~D[2024-02-28], 2))
    IO.inspect(DateTime.from_unix!(1_700_000_000))
    IO.inspect(NaiveDateTime.add(~N[2024-01-01 00:00:00], 3661))
    IO.inspect(Keyword.merge([a: 1, b: 2], b: 3))
    IO.inspect(Enum.to_list(10..1//-3))
    IO.inspect(inspect(%{list: Enum.to_list(1..12), nested: %{deep: [a: 1]}}, pretty: true, width: 30))
    IO.puts(inspect(<<200, 201>>) <> " " <> inspect([7, 8, 9], charlists: :as_lists))

    # Elixir's own tokenizer, parser, evaluator and formatter at run time
    IO.inspect(Code.eval_string("Enum.map([1, 2], &(&1 * x))", x: 3))
    IO.inspect(Code.string_to_quoted!("if a, do: b(1), else: :c"))
    IO.puts(Macro.to_string(quote(do: fn x -> x + unquote(1) end)))
    IO.puts(Code.format_string!("defmodule  A do def f(x),do:  x end"))
    IO.inspect({Code.ensure_loaded?(Enum), Code.ensure_loaded?(NoSuchModule)})

    # Errors
    try do
      raise ArgumentError, "bad thing"
    rescue
      e in ArgumentError -> IO.puts("rescued: " <> Exception.message(e))
    end

    IO.inspect(catch_throw(fn -> throw(:thrown) end))

    try do
      Map.fetch!(Map.new(a: 1), :b)
    rescue
      e -> IO.puts(Exception.message(e))
    end

    try do
      _ = 1 / Enum.count([])
    rescue
      e -> IO.inspect(e)
    after
      IO.puts("after runs")
    end

    IO.inspect(catch_exit(fn -> exit(:bye) end))
    IO.inspect(with({:ok, a} <- {:ok, 1}, {:ok, b} <- {:error, :nope}, do: a + b))
    IO.inspect({node(), Node.alive?()})
    :ok
  end

  defp catch_exit(f) do
    f.()
  catch
    :exit, reason -> {:exited, reason}
  end

  defp catch_throw(f) do
    f.()
  catch
    value -> {:caught, value}
  end
end
