package ai.poly.data;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Lenient binding of the generated models (package {@value #MODEL_PACKAGE}) to and from JSON.
 *
 * <p>The spec types only the top level of a response and the live service does not always follow
 * it, so a generated model is never read strictly. Each member is read as a plain JSON value
 * ({@link JsonValues}) and then fitted to its field's declared type. A value that does not fit
 * leaves the field null and is kept, raw, in the model's {@code additionalProperties} map together
 * with the members the spec does not declare. One bad member therefore never fails a response and
 * nothing the service sent is lost. {@link #toMembers} turns a model back into its JSON members,
 * raw values included, which is what the facade's value types are read from.
 *
 * <p>This works for any model the generator produces, including models a later spec adds.
 */
final class GeneratedModels {
  static final String MODEL_PACKAGE = "ai.poly.data.generated.model";

  /** The name of the template's catch-all field; see openapi/templates/pojo.mustache. */
  private static final String EXTRAS_FIELD = "additionalProperties";

  /** Returned by {@link #fit} when a value does not have the declared type. */
  private static final Object MISMATCH = new Object();

  private static final Map<Class<?>, Binding> BINDINGS = new ConcurrentHashMap<>();

  private GeneratedModels() {}

  static boolean isModel(Class<?> type) {
    return !type.isEnum() && type.getName().startsWith(MODEL_PACKAGE + ".");
  }

  /** Moshi factory for every generated model class. */
  static final JsonAdapter.Factory FACTORY =
      new JsonAdapter.Factory() {
        @Override
        public @Nullable JsonAdapter<?> create(
            Type type, Set<? extends Annotation> annotations, Moshi moshi) {
          Class<?> raw = Types.getRawType(type);
          if (!annotations.isEmpty() || !isModel(raw)) {
            return null;
          }
          return new ModelAdapter(binding(raw), moshi);
        }
      };

  /**
   * Binds plain JSON members to a new instance of {@code type}.
   *
   * @throws JsonDataException if {@code type} cannot be instantiated reflectively
   */
  static <T> T bind(Class<T> type, Map<?, ?> members) {
    return type.cast(binding(type).bind(members));
  }

  /**
   * The JSON members of a generated model: each non-null field under its JSON name (nested models
   * and enums as plain values), then every entry of its {@code additionalProperties}.
   */
  static Map<String, @Nullable Object> toMembers(Object model) {
    return binding(model.getClass()).toMembers(model);
  }

  /** Reads the next value, which must be a JSON object (or null) for a model of {@code type}. */
  private static @Nullable Map<?, ?> readObject(JsonReader reader, Class<?> type)
      throws IOException {
    String path = reader.getPath();
    Object value = JsonValues.read(reader);
    if (value == null || value instanceof Map) {
      return (Map<?, ?>) value;
    }
    throw new JsonDataException(
        "Expected a JSON object for "
            + type.getSimpleName()
            + " but was "
            + JsonValues.kind(value)
            + " at path "
            + path);
  }

  private static Binding binding(Class<?> type) {
    Binding binding = BINDINGS.get(type);
    if (binding == null) {
      binding = new Binding(type);
      Binding raced = BINDINGS.putIfAbsent(type, binding);
      if (raced != null) {
        binding = raced;
      }
    }
    return binding;
  }

  /**
   * Fits a plain JSON value to a declared type, or returns {@link #MISMATCH}. A number fits only a
   * type that {@link #plain} turns back into the same plain value (an integer literal fits {@code
   * Integer} or {@code Long}, another number {@code Double}), so {@link #toMembers} returns what
   * the service sent whatever the spec declares; an enum matches its constant's {@code @Json} name.
   */
  private static @Nullable Object fit(Object value, Type type) {
    Class<?> raw = Types.getRawType(type);
    if (raw == Object.class) {
      return value;
    } else if (raw == String.class) {
      return value instanceof String ? value : MISMATCH;
    } else if (raw == Boolean.class || raw == boolean.class) {
      return value instanceof Boolean ? value : MISMATCH;
    } else if (raw == Integer.class || raw == int.class) {
      Long exact = isInteger(value) ? ((Number) value).longValue() : null;
      return exact != null && exact == exact.intValue() ? (Object) exact.intValue() : MISMATCH;
    } else if (raw == Long.class || raw == long.class) {
      return isInteger(value) ? (Object) ((Number) value).longValue() : MISMATCH;
    } else if (raw == Double.class || raw == double.class) {
      Double finite = value instanceof Double ? Numbers.finiteDouble(value) : null;
      return finite != null ? finite : MISMATCH;
    } else if (raw == Float.class || raw == float.class) {
      Double finite = value instanceof Double ? Numbers.finiteDouble(value) : null;
      boolean exact = finite != null && finite.floatValue() == finite;
      return exact ? (Object) finite.floatValue() : MISMATCH;
    } else if (raw == BigDecimal.class) {
      return value instanceof BigDecimal ? value : MISMATCH;
    } else if (raw.isEnum()) {
      return value instanceof String ? enumConstant(raw, (String) value) : MISMATCH;
    } else if (Collection.class.isAssignableFrom(raw)) {
      return value instanceof List ? fitList((List<?>) value, type, raw) : MISMATCH;
    } else if (Map.class.isAssignableFrom(raw)) {
      return value instanceof Map ? fitMap((Map<?, ?>) value, type, raw) : MISMATCH;
    } else if (isModel(raw)) {
      return value instanceof Map ? binding(raw).bind((Map<?, ?>) value) : MISMATCH;
    }
    return MISMATCH;
  }

  /** An integer as {@link JsonValues} reads one (Long), or as Java code builds one. */
  private static boolean isInteger(Object value) {
    return value instanceof Long || value instanceof Integer || value instanceof Short;
  }

  private static Object fitList(List<?> list, Type type, Class<?> raw) {
    Type elementType = typeArgument(type, 0);
    Collection<@Nullable Object> fitted =
        Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>(list.size());
    if (Types.getRawType(elementType) == Object.class && fitted instanceof List) {
      return list; // Already plain and unmodifiable.
    }
    for (Object element : list) {
      Object item = element == null ? null : fit(element, elementType);
      if (item == MISMATCH) {
        return MISMATCH;
      }
      fitted.add(item);
    }
    return fitted;
  }

  private static Object fitMap(Map<?, ?> map, Type type, Class<?> raw) {
    Type valueType = typeArgument(type, 1);
    if (Types.getRawType(valueType) == Object.class) {
      return map;
    }
    Map<String, @Nullable Object> fitted = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object item = entry.getValue() == null ? null : fit(entry.getValue(), valueType);
      if (item == MISMATCH) {
        return MISMATCH;
      }
      fitted.put(String.valueOf(entry.getKey()), item);
    }
    return Collections.unmodifiableMap(fitted);
  }

  /** The {@code index}th type argument of a parameterized type, or Object for a raw one. */
  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType) {
      Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
      if (index < arguments.length) {
        Type argument = arguments[index];
        return argument instanceof WildcardType
            ? ((WildcardType) argument).getUpperBounds()[0]
            : argument;
      }
    }
    return Object.class;
  }

  private static Object enumConstant(Class<?> enumType, String name) {
    for (Field field : enumType.getFields()) {
      if (field.isEnumConstant()) {
        Json json = field.getAnnotation(Json.class);
        if (name.equals(json != null ? json.name() : field.getName())) {
          try {
            return field.get(null);
          } catch (IllegalAccessException e) {
            throw new AssertionError(e);
          }
        }
      }
    }
    return MISMATCH;
  }

  private static @Nullable Object plain(@Nullable Object value) {
    if (value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    } else if (value instanceof Float) {
      return ((Float) value).doubleValue();
    } else if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    } else if (value instanceof Enum) {
      Enum<?> constant = (Enum<?>) value;
      try {
        Json json =
            constant.getDeclaringClass().getField(constant.name()).getAnnotation(Json.class);
        return json != null ? json.name() : constant.name();
      } catch (NoSuchFieldException e) {
        throw new AssertionError(e);
      }
    } else if (isModel(value.getClass())) {
      return Collections.unmodifiableMap(toMembers(value));
    } else if (value instanceof Collection) {
      Collection<?> source = (Collection<?>) value;
      // Raw values (plain and unmodifiable already) are the common case: copy only typed ones, and
      // only once an element turns out to change, so that reading a conversation does not copy it.
      List<@Nullable Object> list = source instanceof List ? null : new ArrayList<>(source.size());
      int index = 0;
      for (Object element : source) {
        Object plain = plain(element);
        if (list == null && plain != element) {
          list = new ArrayList<>(((List<?>) source).subList(0, index));
        }
        if (list != null) {
          list.add(plain);
        }
        index++;
      }
      if (list == null && value.getClass() != JsonValues.LIST) {
        // A list the model holds may be the binding's own mutable one: never hand it out as it is.
        list = new ArrayList<>(source);
      }
      return list != null ? Collections.unmodifiableList(list) : value;
    } else if (value instanceof Map) {
      Map<?, ?> source = (Map<?, ?>) value;
      Map<String, @Nullable Object> map = null;
      int index = 0;
      for (Map.Entry<?, ?> entry : source.entrySet()) {
        Object plain = plain(entry.getValue());
        if (map == null && plain != entry.getValue()) {
          map = new LinkedHashMap<>();
          int copied = 0;
          for (Map.Entry<?, ?> earlier : source.entrySet()) {
            if (copied++ == index) {
              break;
            }
            map.put(String.valueOf(earlier.getKey()), earlier.getValue());
          }
        }
        if (map != null) {
          map.put(String.valueOf(entry.getKey()), plain);
        }
        index++;
      }
      return map != null ? Collections.unmodifiableMap(map) : Collections.unmodifiableMap(source);
    }
    return value;
  }

  /** The reflective shape of one generated model class, built once per class. */
  private static final class Binding {
    final Class<?> type;
    final Constructor<?> constructor;
    final Map<String, Field> fields = new LinkedHashMap<>();
    final @Nullable Field extras;

    Binding(Class<?> type) {
      this.type = type;
      Field extrasField = null;
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          int modifiers = field.getModifiers();
          if (Modifier.isStatic(modifiers)) {
            continue;
          }
          field.setAccessible(true);
          if (Modifier.isTransient(modifiers)) {
            if (field.getName().equals(EXTRAS_FIELD) && field.getType() == Map.class) {
              extrasField = field;
            }
            continue;
          }
          Json json = field.getAnnotation(Json.class);
          fields.putIfAbsent(json != null ? json.name() : field.getName(), field);
        }
      }
      this.extras = extrasField;
      try {
        constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(type.getName() + " has no no-argument constructor", e);
      }
    }

    Object bind(Map<?, ?> members) {
      Object model = newInstance();
      Map<String, @Nullable Object> leftovers = null;
      for (Map.Entry<?, ?> entry : members.entrySet()) {
        String name = String.valueOf(entry.getKey());
        Object value = entry.getValue();
        Field field = fields.get(name);
        Object fitted =
            field == null ? MISMATCH : value == null ? null : fit(value, field.getGenericType());
        if (fitted == MISMATCH) {
          if (leftovers == null) {
            leftovers = new LinkedHashMap<>();
          }
          leftovers.put(name, value);
        } else if (fitted != null) {
          set(field, model, fitted);
        }
      }
      if (leftovers != null && extras != null) {
        set(extras, model, leftovers);
      }
      return model;
    }

    Map<String, @Nullable Object> toMembers(Object model) {
      Map<String, @Nullable Object> members = new LinkedHashMap<>();
      for (Map.Entry<String, Field> entry : fields.entrySet()) {
        Object value = get(entry.getValue(), model);
        if (value != null) {
          members.put(entry.getKey(), plain(value));
        }
      }
      Map<?, ?> leftovers = extras != null ? (Map<?, ?>) get(extras, model) : null;
      if (leftovers != null) {
        for (Map.Entry<?, ?> entry : leftovers.entrySet()) {
          members.putIfAbsent(String.valueOf(entry.getKey()), entry.getValue());
        }
      }
      return members;
    }

    private Object newInstance() {
      try {
        return constructor.newInstance();
      } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
        throw new JsonDataException("Cannot instantiate " + type.getName(), e);
      }
    }

    private static void set(Field field, Object model, @Nullable Object value) {
      try {
        field.set(model, value);
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }

    private static @Nullable Object get(Field field, Object model) {
      try {
        return field.get(model);
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** Reads a model leniently (see the class comment); writes its fields, then its raw extras. */
  private static final class ModelAdapter extends JsonAdapter<Object> {
    private final Binding binding;
    private final Moshi moshi;

    ModelAdapter(Binding binding, Moshi moshi) {
      this.binding = binding;
      this.moshi = moshi;
    }

    @Override
    public @Nullable Object fromJson(JsonReader reader) throws IOException {
      Map<?, ?> value = readObject(reader, binding.type);
      if (value == null) {
        return null;
      }
      return binding.bind(value);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Object model) throws IOException {
      if (model == null) {
        writer.nullValue();
        return;
      }
      writer.beginObject();
      for (Map.Entry<String, Field> entry : binding.fields.entrySet()) {
        Field field = entry.getValue();
        Object value = Binding.get(field, model);
        if (value != null) {
          writer.name(entry.getKey());
          moshi.adapter(field.getGenericType()).toJson(writer, value);
        } else if (writer.getSerializeNulls()) {
          writer.name(entry.getKey()).nullValue();
        }
      }
      Map<?, ?> leftovers =
          binding.extras != null ? (Map<?, ?>) Binding.get(binding.extras, model) : null;
      if (leftovers != null) {
        for (Map.Entry<?, ?> entry : leftovers.entrySet()) {
          String name = String.valueOf(entry.getKey());
          if (!binding.fields.containsKey(name)
              || Binding.get(binding.fields.get(name), model) == null) {
            writer.name(name);
            JsonValues.write(writer, entry.getValue(), moshi);
          }
        }
      }
      writer.endObject();
    }

    @Override
    public String toString() {
      return "JsonAdapter(" + binding.type.getName() + ")";
    }
  }

  /** The Moshi instance the client parses with: lenient models and exact plain values. */
  static Moshi moshi() {
    return MoshiHolder.MOSHI;
  }

  private static final class MoshiHolder {
    static final Moshi MOSHI =
        new Moshi.Builder()
            .add(FACTORY)
            .add(
                (type, annotations, moshi) ->
                    type == Object.class && annotations.isEmpty()
                        ? new JsonValues.Adapter(moshi)
                        : null)
            .build();
  }

  /** Returns an immutable view of {@code list}, or the empty list. */
  static <T> List<T> immutable(@Nullable List<T> list) {
    return list == null || list.isEmpty()
        ? Collections.<T>emptyList()
        : Collections.unmodifiableList(list);
  }
}
