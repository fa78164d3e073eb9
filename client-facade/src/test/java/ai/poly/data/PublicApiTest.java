package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The facade's public surface: no generated type leaks into it. */
class PublicApiTest {
  private static final String GENERATED = "ai.poly.data.generated.";

  static List<Class<?>> publicFacadeClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Paths.get(PolyAiData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path pkg = classes.resolve("ai/poly/data");
    List<Class<?>> result = new ArrayList<>();
    try (Stream<Path> files = Files.list(pkg)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.equals("package-info.class")) {
          Class<?> type = Class.forName("ai.poly.data." + name.substring(0, name.length() - 6));
          if (isVisible(type)) {
            result.add(type);
          }
        }
      }
    }
    return result;
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  @Test
  void noPublicSignatureExposesAGeneratedType() throws Exception {
    List<String> leaks = new ArrayList<>();
    List<Class<?>> types = publicFacadeClasses();
    assertTrue(types.contains(PolyAiData.Builder.class), "scan found " + types);
    for (Class<?> type : types) {
      check(type.getGenericSuperclass(), type.getName() + " superclass", leaks);
      for (Type implemented : type.getGenericInterfaces()) {
        check(implemented, type.getName() + " interface", leaks);
      }
      for (Method method : type.getDeclaredMethods()) {
        if (exposed(method.getModifiers()) && !method.isSynthetic()) {
          check(method.getGenericReturnType(), describe(method), leaks);
          checkSignature(method, leaks);
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (exposed(constructor.getModifiers())) {
          checkSignature(constructor, leaks);
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (exposed(field.getModifiers())) {
          check(field.getGenericType(), type.getName() + "." + field.getName(), leaks);
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void theScanDetectsAGeneratedType() throws Exception {
    List<String> leaks = new ArrayList<>();
    Method leaky = Leaky.class.getDeclaredMethod("leak", List.class);
    checkSignature(leaky, leaks);
    check(leaky.getGenericReturnType(), "leak", leaks);
    assertEquals(2, leaks.size(), leaks.toString());
  }

  /** Stands for a mistake the scan must catch. */
  private static final class Leaky {
    @SuppressWarnings("unused")
    ai.poly.data.generated.model.OperationSuccessResponse leak(
        List<ai.poly.data.generated.model.ConversationDetailResponse> in) {
      return null;
    }
  }

  private static boolean exposed(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void checkSignature(Executable executable, List<String> leaks) {
    for (Type parameter : executable.getGenericParameterTypes()) {
      check(parameter, describe(executable), leaks);
    }
    for (Type thrown : executable.getGenericExceptionTypes()) {
      check(thrown, describe(executable), leaks);
    }
  }

  private static String describe(Executable executable) {
    return executable.getDeclaringClass().getName() + "#" + executable.getName();
  }

  private static void check(Type type, String where, List<String> leaks) {
    if (type == null) {
      return;
    }
    if (type instanceof Class) {
      Class<?> c = (Class<?>) type;
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (c.getName().startsWith(GENERATED)) {
        leaks.add(where + " exposes " + c.getName());
      }
    } else if (type instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) type;
      check(p.getRawType(), where, leaks);
      for (Type argument : p.getActualTypeArguments()) {
        check(argument, where, leaks);
      }
    } else if (type instanceof GenericArrayType) {
      check(((GenericArrayType) type).getGenericComponentType(), where, leaks);
    } else if (type instanceof WildcardType) {
      for (Type bound : ((WildcardType) type).getUpperBounds()) {
        check(bound, where, leaks);
      }
      for (Type bound : ((WildcardType) type).getLowerBounds()) {
        check(bound, where, leaks);
      }
    } else if (type instanceof TypeVariable) {
      for (Type bound : ((TypeVariable<?>) type).getBounds()) {
        check(bound, where, leaks);
      }
    }
  }
}
