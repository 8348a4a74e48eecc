package dev.jumbo.auth.profile;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value is a name {@link PreferredName#clean} accepts. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPreferredName.Validator.class)
public @interface ValidPreferredName {

    String message() default "must be 1-50 characters: letters, spaces and . ' -";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidPreferredName, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return PreferredName.clean(value).isPresent();
        }
    }
}
