import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class CallFeedbackDto {
  @ApiProperty({ description: 'true: « pour nous » ; false: « pas pour nous »' })
  @IsBoolean()
  relevant: boolean;
}
